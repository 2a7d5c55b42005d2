import { Alert, Button, FileButton, List, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconUpload } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useRef, useState } from "react";
import { useNavigate } from "react-router";
import type { ScenarioDocument } from "../../../domain/dunning/dunning.schemas";
import { isApiError } from "../../api/api-error";
import { QueryError } from "../../components/query-error";
import { useT } from "../../i18n/use-i18n";
import { SCENARIOS_QUERY_KEY, scenariosApi } from "./scenarios-api";

/** Thrown when the chosen file is not JSON at all: nothing is sent. */
class UnreadableFileError extends Error {}

async function readDocument(file: File): Promise<ScenarioDocument> {
  try {
    return JSON.parse(await file.text()) as ScenarioDocument;
  } catch {
    throw new UnreadableFileError(file.name);
  }
}

function ImportFailure({ error, onClose }: { error: Error; onClose(): void }): ReactNode {
  const t = useT();
  const issues = isApiError(error, 400) ? error.issues : [];
  return (
    <Modal opened onClose={onClose} title={t("scenarios.import.failed")} size="lg">
      <Stack gap="sm" data-testid="scenario-import-error">
        {error instanceof UnreadableFileError ? (
          <Alert color="red">{t("scenarios.import.notJson", { name: error.message })}</Alert>
        ) : issues.length > 0 ? (
          <Alert color="red" title={t("scenarios.import.invalid")}>
            <List size="sm" spacing={4}>
              {issues.map((issue) => (
                <List.Item key={`${issue.field}:${issue.message}`}>
                  {issue.field ? <Text span size="sm" ff="monospace">{`${issue.field} — `}</Text> : null}
                  {issue.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <QueryError error={error} />
        )}
        <Button variant="default" onClick={onClose} style={{ alignSelf: "flex-end" }}>
          {t("common.close")}
        </Button>
      </Stack>
    </Modal>
  );
}

/**
 * Reads a scenario file (the export's JSON document) and sends it: a new scenario, or a new version
 * of the scenario with the same code.
 */
export function ImportScenarioButton({ companyId }: { companyId: number }): ReactNode {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<Error | null>(null);
  // Cleared after each try, so that picking the same file again (once fixed) sends it again.
  const resetRef = useRef<() => void>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => scenariosApi.import(companyId, await readDocument(file)),
    onSuccess: async (scenario) => {
      await queryClient.invalidateQueries({ queryKey: SCENARIOS_QUERY_KEY });
      notifications.show({
        color: "green",
        message: t("scenarios.import.done", { name: scenario.name, version: scenario.version }),
      });
      navigate(`/scenarios/${scenario.id}`);
    },
    onError: setFailure,
    onSettled: () => resetRef.current?.(),
  });

  return (
    <>
      <FileButton
        onChange={(file) => file && upload.mutate(file)}
        accept="application/json,.json"
        resetRef={resetRef}
      >
        {(props) => (
          <Button
            {...props}
            variant="default"
            leftSection={<IconUpload size={16} />}
            loading={upload.isPending}
            data-testid="scenario-import"
          >
            {t("scenarios.import.button")}
          </Button>
        )}
      </FileButton>
      {failure && <ImportFailure error={failure} onClose={() => setFailure(null)} />}
    </>
  );
}
