import { Badge, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { KeyboardEvent, ReactNode } from "react";
import type { ImportBatchSummary } from "../../../domain/imports/imports.schemas";
import { EmptyTableRow } from "../../components/empty-table-row";
import { PaginationBar } from "../../components/pagination-bar";
import { QueryError } from "../../components/query-error";
import { TableSkeleton } from "../../components/table-skeleton";
import { formatDateTime, formatNumber } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { companiesQuery } from "../companies/companies-api";
import { IMPORT_KINDS } from "./import-files";
import { ImportStatusBadge } from "./import-status-badge";
import { importHistoryQuery } from "./imports-api";
import { useImportHistoryParams } from "./use-import-history-params";

const COLUMNS = 10;
const COUNT_KEYS = ["rows", "created", "updated", "unchanged", "closed"] as const;

/** Every import, newest first; a row opens the batch's detail. */
export function ImportHistory({ onOpen }: { onOpen(batchId: number): void }): ReactNode {
  const { t, locale } = useI18n();
  const { params, update } = useImportHistoryParams();
  const history = useQuery(importHistoryQuery(params));
  const companies = useQuery(companiesQuery).data?.items ?? [];
  const items = history.data?.items;
  const total = history.data?.total;

  const onRowKey = (event: KeyboardEvent, batch: ImportBatchSummary): void => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    onOpen(batch.id);
  };

  return (
    <Stack gap="sm" data-testid="import-history">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group align="baseline" gap="sm">
          <Title order={2} size="h4">
            {t("imports.history.title")}
          </Title>
          {total !== undefined && (
            <Text size="sm" c="dimmed">
              {t.plural("imports.history.count", total)}
            </Text>
          )}
        </Group>
        <Group gap="sm">
          {companies.length > 1 && (
            <Select
              aria-label={t("company.filter")}
              placeholder={t("company.all")}
              data={companies.map((company) => ({ value: String(company.id), label: company.code }))}
              value={params.companyId ? String(params.companyId) : null}
              onChange={(companyId) => update({ companyId })}
              clearable
              w={{ base: "100%", xs: 180 }}
              data-testid="import-history-company"
            />
          )}
          <Select
            aria-label={t("imports.kind")}
            placeholder={t("imports.history.kindAll")}
            data={IMPORT_KINDS.map((value) => ({ value, label: t(`importKind.${value}`) }))}
            value={params.kind ?? null}
            onChange={(kind) => update({ kind })}
            clearable
            w={{ base: "100%", xs: 240 }}
            data-testid="import-history-kind"
          />
        </Group>
      </Group>
      {history.isError ? (
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <Paper
          withBorder
          radius="md"
          style={{ overflow: "hidden", opacity: history.isPlaceholderData ? 0.6 : 1 }}
        >
          <Table.ScrollContainer minWidth={1080}>
            <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("imports.col.dateBy")}</Table.Th>
                  <Table.Th>{t("imports.col.company")}</Table.Th>
                  <Table.Th>{t("imports.col.file")}</Table.Th>
                  <Table.Th>{t("imports.col.status")}</Table.Th>
                  {COUNT_KEYS.map((key) => (
                    <Table.Th key={key} ta="right" style={{ whiteSpace: "nowrap" }}>
                      {t(`imports.count.${key}`)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right" style={{ whiteSpace: "nowrap" }}>
                    {t("imports.count.errors")}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {!items && <TableSkeleton columns={COLUMNS} rows={5} />}
                {items?.length === 0 && (
                  <EmptyTableRow
                    columns={COLUMNS}
                    title={t("imports.history.empty")}
                    description={t("imports.history.emptyHint")}
                  />
                )}
                {items?.map((batch) => (
                  <Table.Tr
                    key={batch.id}
                    onClick={() => onOpen(batch.id)}
                    onKeyDown={(event) => onRowKey(event, batch)}
                    tabIndex={0}
                    aria-label={t("imports.history.open", { file: batch.fileName })}
                    style={{ cursor: "pointer" }}
                    data-testid="import-history-row"
                  >
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <time dateTime={batch.createdAt}>{formatDateTime(batch.createdAt, locale)}</time>
                      <Text size="xs" c="dimmed" title={t("imports.col.by")}>
                        {batch.createdBy?.name ?? t("imports.batch.system")}
                      </Text>
                    </Table.Td>
                    <Table.Td fw={600}>{batch.company.code}</Table.Td>
                    <Table.Td maw={320}>
                      <Text size="sm" fw={500} truncate="end" title={batch.fileName}>
                        {batch.fileName}
                      </Text>
                      <Group gap={4}>
                        <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                          {t(`importKind.${batch.kind}`)}
                        </Text>
                        {batch.snapshot && (
                          <Badge size="xs" variant="light" color="orange" radius="sm">
                            {t("imports.badge.snapshot")}
                          </Badge>
                        )}
                        {batch.dryRun && batch.status !== "dry_run" && (
                          <Badge size="xs" variant="light" color="blue" radius="sm">
                            {t("imports.badge.dryRun")}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <ImportStatusBadge status={batch.status} />
                    </Table.Td>
                    {COUNT_KEYS.map((key) => (
                      <Table.Td key={key} ta="right">
                        {formatNumber(batch[key], locale)}
                      </Table.Td>
                    ))}
                    <Table.Td
                      ta="right"
                      c={batch.errorCount > 0 ? "red.7" : undefined}
                      fw={batch.errorCount > 0 ? 600 : undefined}
                    >
                      {formatNumber(batch.errorCount, locale)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {total !== undefined && total > 0 && (
        <PaginationBar
          page={params.page}
          pageSize={params.pageSize}
          total={total}
          onPageChange={(page) => update({ page })}
          onPageSizeChange={(pageSize) => update({ pageSize })}
        />
      )}
    </Stack>
  );
}
