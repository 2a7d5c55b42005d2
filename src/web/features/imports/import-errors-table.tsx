import { Anchor, Code, Group, Pagination, Paper, Stack, Table, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import type { ImportError } from "../../../domain/imports/imports.schemas";
import { formatNumber } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { importErrorsCsvUrl } from "./imports-api";

const PAGE_SIZE = 20;

/** A cell's raw value as the file had it; objects (a whole record) as JSON. */
function displayValue(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

type ImportErrorsTableProps = {
  errors: readonly ImportError[];
  /** How many errors the file had: the server keeps only the first ones. */
  total?: number;
  /** Gives the link to the CSV error report. */
  batchId?: number | null;
};

/** Line, column, value and reason of each error, 20 to a page; the CSV report holds them all. */
export function ImportErrorsTable({ errors, total, batchId }: ImportErrorsTableProps): ReactNode {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const pageCount = Math.max(1, Math.ceil(errors.length / PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const shown = errors.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const none = <Text c="dimmed">{t("common.none")}</Text>;

  if (errors.length === 0) return null;
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {t("imports.errors.title")} ({formatNumber(total ?? errors.length, locale)})
        </Text>
        {batchId ? (
          <Anchor href={importErrorsCsvUrl(batchId)} download size="sm" data-testid="import-errors-download">
            <Group gap={4} wrap="nowrap">
              <IconDownload size={16} stroke={1.5} />
              {t("imports.errors.download")}
            </Group>
          </Anchor>
        ) : null}
      </Group>
      {total !== undefined && total > errors.length && (
        <Text size="xs" c="dimmed">
          {t("imports.errors.truncated", {
            shown: formatNumber(errors.length, locale),
            total: formatNumber(total, locale),
          })}
        </Text>
      )}
      <Paper withBorder radius="sm" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} striped data-testid="import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t("imports.errors.line")}</Table.Th>
                <Table.Th w={160}>{t("imports.errors.column")}</Table.Th>
                <Table.Th w={200}>{t("imports.errors.value")}</Table.Th>
                <Table.Th>{t("imports.errors.message")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((error, index) => {
                const value = displayValue(error.value);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a line can carry several errors; the list never reorders
                  <Table.Tr key={`${current}-${index}`} data-testid="import-error-row">
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {error.line > 0 ? formatNumber(error.line, locale) : t("imports.errors.wholeFile")}
                    </Table.Td>
                    <Table.Td>
                      {error.column && error.column !== "*" ? <Code>{error.column}</Code> : none}
                    </Table.Td>
                    <Table.Td style={{ wordBreak: "break-all" }}>
                      {value === null ? none : <Code>{value}</Code>}
                    </Table.Td>
                    <Table.Td>{error.message}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {pageCount > 1 && (
        <Pagination
          total={pageCount}
          value={current}
          onChange={setPage}
          size="sm"
          withEdges
          aria-label={t("pagination.label")}
        />
      )}
    </Stack>
  );
}
