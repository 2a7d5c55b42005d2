import { Badge, Code, Drawer, Group, SimpleGrid, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { ImportBatchDetail } from "../../../domain/imports/imports.schemas";
import { QueryError } from "../../components/query-error";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { ImportCounts, ImportDetailsTable } from "./import-counts";
import { ImportErrorsTable } from "./import-errors-table";
import { ImportOutcomeAlert } from "./import-outcome-alert";
import { importBatchQuery } from "./imports-api";

type ImportBatchDrawerProps = {
  batchId: number | null;
  onClose(): void;
};

/** One import of the history in full: who, when, which file, what it changed, and its errors. */
export function ImportBatchDrawer({ batchId, onClose }: ImportBatchDrawerProps): ReactNode {
  const { t } = useI18n();
  return (
    <Drawer
      opened={batchId !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        batchId !== null && (
          <Text fw={700} fz="lg">
            {t("imports.batch.title", { id: batchId })}
          </Text>
        )
      }
      closeButtonProps={{ "aria-label": t("common.close") }}
      data-testid="import-batch-drawer"
    >
      {batchId !== null && <BatchDetail batchId={batchId} />}
    </Drawer>
  );
}

function BatchDetail({ batchId }: { batchId: number }): ReactNode {
  const batch = useQuery(importBatchQuery(batchId));
  if (batch.isError) return <QueryError error={batch.error} onRetry={() => void batch.refetch()} />;
  if (!batch.data) return <Skeleton height={320} radius="md" />;
  return <BatchView batch={batch.data} />;
}

function Field({ label, children }: { label: string; children: ReactNode }): ReactNode {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function BatchView({ batch }: { batch: ImportBatchDetail }): ReactNode {
  const { t, locale } = useI18n();
  const isFailed = batch.status === "failed";
  return (
    <Stack gap="md" data-testid="import-batch">
      <ImportOutcomeAlert status={batch.status} errorCount={batch.errorCount} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Field label={t("imports.col.file")}>
          <Text size="sm" fw={600} style={{ wordBreak: "break-all" }}>
            {batch.fileName}
          </Text>
        </Field>
        <Field label={t("imports.col.kind")}>{t(`importKind.${batch.kind}`)}</Field>
        <Field label={t("imports.col.company")}>{batch.company.code}</Field>
        <Field label={t("imports.batch.date")}>{formatDateTime(batch.createdAt, locale)}</Field>
        <Field label={t("imports.batch.by")}>{batch.createdBy?.name ?? t("imports.batch.system")}</Field>
        <Field label={t("imports.batch.options")}>
          <Group gap={4}>
            {batch.dryRun && (
              <Badge size="sm" variant="light" color="blue" radius="sm">
                {t("imports.badge.dryRun")}
              </Badge>
            )}
            {batch.snapshot && (
              <Badge size="sm" variant="light" color="orange" radius="sm">
                {t("imports.badge.snapshot")}
              </Badge>
            )}
            {!batch.dryRun && !batch.snapshot && t("common.none")}
          </Group>
        </Field>
      </SimpleGrid>
      {batch.fileHash && (
        <Field label={t("imports.batch.fileHash")}>
          <Code style={{ wordBreak: "break-all" }}>{batch.fileHash}</Code>
        </Field>
      )}
      {!isFailed && <ImportCounts counts={batch} />}
      {!isFailed && <ImportDetailsTable kind={batch.kind} details={batch.details} />}
      <ImportErrorsTable errors={batch.errors} total={batch.errorCount} batchId={batch.id} />
    </Stack>
  );
}
