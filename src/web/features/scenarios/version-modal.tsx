import { Alert, Button, Group, Modal, Skeleton, Stack, Text } from "@mantine/core";
import { IconArrowBackUp } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { ScenarioDefinition } from "../../../domain/dunning/dunning.schemas";
import { QueryError } from "../../components/query-error";
import { useT } from "../../i18n/use-i18n";
import { scenarioVersionQuery } from "./scenarios-api";
import { StepTimeline } from "./step-timeline";

type VersionModalProps = {
  scenarioId: number;
  version: number;
  isCurrent: boolean;
  onRestore(definition: ScenarioDefinition): void;
  onClose(): void;
};

/** An old version's steps, read-only; its steps can be taken back into the editor. */
export function VersionModal({
  scenarioId,
  version,
  isCurrent,
  onRestore,
  onClose,
}: VersionModalProps): ReactNode {
  const t = useT();
  const query = useQuery(scenarioVersionQuery(scenarioId, version));
  const definition = query.data?.definition;
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t("scenarios.versions.title", { version })}
      closeButtonProps={{ "aria-label": t("common.close") }}
      data-testid="version-modal"
    >
      <Stack gap="md">
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.isPending && <Skeleton height={240} />}
        {definition && (
          <>
            {definition.description && (
              <Text size="sm" c="dimmed">
                {definition.description}
              </Text>
            )}
            <StepTimeline steps={definition.steps} data-testid="version-timeline" />
            {!isCurrent && (
              <Alert color="gray" variant="light">
                <Group justify="space-between" gap="sm">
                  <Text size="sm">{t("scenarios.versions.restoreHint")}</Text>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconArrowBackUp size={14} />}
                    onClick={() => onRestore(definition)}
                    data-testid="version-restore"
                  >
                    {t("scenarios.versions.restore")}
                  </Button>
                </Group>
              </Alert>
            )}
          </>
        )}
      </Stack>
    </Modal>
  );
}
