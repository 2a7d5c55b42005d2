import { Alert, Button, FileButton, List, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconUpload } from "@tabler/icons-react";
import { type ReactNode, useRef, useState } from "react";
import { isApiError } from "../../api/api-error";
import { QueryError } from "../../components/query-error";
import { useT } from "../../i18n/use-i18n";
import { useRatesImport } from "./legal-api";

function ImportFailure({ error, onClose }: { error: Error; onClose(): void }): ReactNode {
  const t = useT();
  const issues = isApiError(error, 400) ? error.issues : [];
  return (
    <Modal opened onClose={onClose} title={t("legal.rates.import.failed")} size="lg">
      <Stack gap="sm" data-testid="rates-import-error">
        {issues.length > 0 ? (
          <Alert color="red" title={t("legal.rates.import.invalid")}>
            <List size="sm" spacing={4}>
              {issues.map((issue) => (
                <List.Item key={`${issue.field}:${issue.message}`}>
                  <Text span size="sm" ff="monospace">
                    {`${issue.field}${issue.value === undefined || issue.value === "" ? "" : ` = ${JSON.stringify(issue.value)}`} — `}
                  </Text>
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

/** Sends a rate file (the shipped CSV format); all or nothing, the errors listed line by line. */
export function ImportRatesButton(): ReactNode {
  const t = useT();
  const [failure, setFailure] = useState<Error | null>(null);
  // Cleared after each try, so that the same file, once fixed, can be chosen again.
  const resetRef = useRef<() => void>(null);
  const upload = useRatesImport();
  const send = async (file: File) => {
    upload.mutate(await file.text(), {
      onSuccess: (result) =>
        notifications.show({ color: "green", message: t("legal.rates.import.done", { ...result }) }),
      onError: setFailure,
      onSettled: () => resetRef.current?.(),
    });
  };
  return (
    <>
      <FileButton
        onChange={(file) => file && void send(file)}
        accept="text/csv,.csv,.txt"
        resetRef={resetRef}
      >
        {(props) => (
          <Button
            {...props}
            variant="default"
            leftSection={<IconUpload size={16} />}
            loading={upload.isPending}
            data-testid="rates-import"
          >
            {t("legal.rates.import.button")}
          </Button>
        )}
      </FileButton>
      {failure && <ImportFailure error={failure} onClose={() => setFailure(null)} />}
    </>
  );
}
