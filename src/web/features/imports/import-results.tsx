import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconFileImport } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { ImportReport } from "../../../domain/imports/imports.schemas";
import { useT } from "../../i18n/use-i18n";
import { ImportResultCard } from "./import-result-card";

type ImportResultsProps = {
  reports: readonly ImportReport[];
  wasDryRun: boolean;
  /** Sends the same files again, for real; offered after a simulation. */
  onConfirm(): void;
  isBusy: boolean;
};

/** One card per file; after a simulation, the way to import the same files for real. */
export function ImportResults({ reports, wasDryRun, onConfirm, isBusy }: ImportResultsProps): ReactNode {
  const t = useT();
  const hasFailure = reports.some((report) => report.status === "failed");
  return (
    <Stack gap="sm" data-testid="import-results">
      <Title order={2} size="h4">
        {t(wasDryRun ? "imports.results.dryRunTitle" : "imports.results.title")}
      </Title>
      {wasDryRun &&
        (hasFailure ? (
          <Alert color="orange" variant="light" data-testid="import-confirm-blocked">
            {t("imports.confirmBlocked")}
          </Alert>
        ) : (
          <Group gap="sm">
            <Button
              leftSection={<IconFileImport size={18} />}
              onClick={onConfirm}
              disabled={isBusy}
              data-testid="import-confirm"
            >
              {t("imports.confirm")}
            </Button>
            <Text size="sm" c="dimmed">
              {t("imports.confirmHint")}
            </Text>
          </Group>
        ))}
      {reports.map((report, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two files may share a name; the list is fixed once shown
        <ImportResultCard key={`${index}-${report.fileName}`} report={report} />
      ))}
    </Stack>
  );
}
