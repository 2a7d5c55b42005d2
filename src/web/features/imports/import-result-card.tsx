import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { IconFile } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { ImportReport } from "../../../domain/imports/imports.schemas";
import { useT } from "../../i18n/use-i18n";
import { ImportCounts, ImportDetailsTable } from "./import-counts";
import { ImportErrorsTable } from "./import-errors-table";
import { ImportOutcomeAlert } from "./import-outcome-alert";

/** What became of one file: the banner, the counts, and for a rejected file the errors to fix. */
export function ImportResultCard({ report }: { report: ImportReport }): ReactNode {
  const t = useT();
  const isFailed = report.status === "failed";
  return (
    <Paper withBorder radius="md" p="md" data-testid="import-result" data-status={report.status}>
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconFile size={18} stroke={1.5} style={{ flexShrink: 0 }} />
          <Text fw={600} truncate="end" title={report.fileName} data-testid="import-result-file">
            {report.fileName}
          </Text>
          <Badge variant="default" radius="sm">
            {t(`importKind.${report.kind}`)}
          </Badge>
          {report.snapshot && (
            <Badge variant="light" color="orange" radius="sm">
              {t("imports.badge.snapshot")}
            </Badge>
          )}
        </Group>
        <ImportOutcomeAlert status={report.status} errorCount={report.errors.length} />
        {!isFailed && <ImportCounts counts={report} />}
        {!isFailed && <ImportDetailsTable kind={report.kind} details={report.details} />}
        <ImportErrorsTable errors={report.errors} batchId={report.batchId} />
      </Stack>
    </Paper>
  );
}
