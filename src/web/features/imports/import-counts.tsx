import { Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { ImportReport } from "../../../domain/imports/imports.schemas";
import { formatNumber } from "../../format";
import type { MessageKey } from "../../i18n/messages";
import { useI18n } from "../../i18n/use-i18n";

type Counts = Pick<ImportReport, "rows" | "created" | "updated" | "unchanged" | "closed">;

const COUNTS: readonly { key: keyof Counts; label: MessageKey; color?: string }[] = [
  { key: "rows", label: "imports.count.rows" },
  { key: "created", label: "imports.count.created", color: "green.8" },
  { key: "updated", label: "imports.count.updated", color: "blue.8" },
  { key: "unchanged", label: "imports.count.unchanged" },
  { key: "closed", label: "imports.count.closed", color: "orange.8" },
];

/** Rows read, then what became of them: created, updated, unchanged, closed (snapshot). */
export function ImportCounts({ counts }: { counts: Counts }): ReactNode {
  const { t, locale } = useI18n();
  return (
    <SimpleGrid cols={{ base: 2, xs: 3, sm: 5 }} spacing="xs" data-testid="import-counts">
      {COUNTS.map(({ key, label, color }) => (
        <Paper key={key} withBorder radius="sm" px="sm" py={6} data-testid={`import-count-${key}`}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t(label)}
          </Text>
          <Text
            fz="lg"
            fw={700}
            c={counts[key] > 0 ? color : undefined}
            style={{ fontVariantNumeric: "tabular-nums" }}
          >
            {formatNumber(counts[key], locale)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

type ImportDetailsTableProps = Pick<ImportReport, "kind" | "details">;

/**
 * Per kind of record when a file carries several (a FEC holds customers, invoices, payments…); left
 * out when it would only repeat the counts above (an invoices file that touched invoices only).
 */
export function ImportDetailsTable({ kind, details }: ImportDetailsTableProps): ReactNode {
  const { t, locale } = useI18n();
  const entries = Object.entries(details);
  if (entries.length === 0 || (entries.length === 1 && entries[0]?.[0] === kind)) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t("imports.details.title")}
      </Text>
      <Paper withBorder radius="sm" style={{ overflow: "hidden" }}>
        <Table verticalSpacing={4} data-testid="import-details">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("imports.details.entity")}</Table.Th>
              <Table.Th ta="right">{t("imports.count.created")}</Table.Th>
              <Table.Th ta="right">{t("imports.count.updated")}</Table.Th>
              <Table.Th ta="right">{t("imports.count.unchanged")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map(([entity, counts]) => (
              <Table.Tr key={entity}>
                <Table.Td>{t.optional("importEntity.", entity)}</Table.Td>
                <Table.Td ta="right">{formatNumber(counts.created, locale)}</Table.Td>
                <Table.Td ta="right">{formatNumber(counts.updated, locale)}</Table.Td>
                <Table.Td ta="right">{formatNumber(counts.unchanged, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
