import { Group, Paper, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { EmptyTableRow } from "../../components/empty-table-row";
import { InvoiceItemCells } from "../../components/invoice-item-cells";
import { InvoiceStatusBadge } from "../../components/invoice-status-badge";
import { QueryError } from "../../components/query-error";
import { TableSkeleton } from "../../components/table-skeleton";
import { useT } from "../../i18n/use-i18n";
import { customerItemsQuery, type ItemStatusFilter } from "./customers-api";

export const ITEM_STATUSES: readonly ItemStatusFilter[] = ["open", "closed", "all"];

type OpenItemsProps = {
  customerId: number;
  status: ItemStatusFilter;
  onStatusChange(status: ItemStatusFilter): void;
};

/** The customer's invoices and credit notes: open ones by default, paid and closed ones on demand. */
export function OpenItems({ customerId, status, onStatusChange }: OpenItemsProps): ReactNode {
  const t = useT();
  const items = useQuery(customerItemsQuery(customerId, status));
  const withStatus = status !== "open";
  const columns = withStatus ? 9 : 8;

  return (
    <Stack gap="sm" data-testid="open-items">
      <Group justify="space-between">
        <SegmentedControl<ItemStatusFilter>
          value={status}
          onChange={onStatusChange}
          data={ITEM_STATUSES.map((value) => ({ value, label: t(`items.status.${value}`) }))}
          aria-label={t("items.filter")}
          size="sm"
          data-testid="items-status"
        />
        {items.data && (
          <Text size="sm" c="dimmed">
            {t.plural("invoices.count", items.data.items.length)}
          </Text>
        )}
      </Group>
      {items.isError ? (
        <QueryError error={items.error} onRetry={() => void items.refetch()} />
      ) : (
        <Paper
          withBorder
          radius="md"
          style={{ overflow: "hidden", opacity: items.isPlaceholderData ? 0.6 : 1 }}
        >
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("items.col.number")}</Table.Th>
                  <Table.Th>{t("items.col.type")}</Table.Th>
                  <Table.Th>{t("items.col.issueDate")}</Table.Th>
                  <Table.Th>{t("items.col.dueDate")}</Table.Th>
                  <Table.Th ta="right">{t("items.col.amount")}</Table.Th>
                  <Table.Th ta="right">{t("items.col.openAmount")}</Table.Th>
                  <Table.Th>{t("items.col.days")}</Table.Th>
                  <Table.Th>{t("items.col.po")}</Table.Th>
                  {withStatus && <Table.Th>{t("items.col.status")}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {!items.data && <TableSkeleton columns={columns} rows={5} />}
                {items.data?.items.length === 0 && (
                  <EmptyTableRow columns={columns} title={t("items.empty")} />
                )}
                {items.data?.items.map((item) => (
                  <Table.Tr key={item.id} data-testid="item-row">
                    <Table.Td fw={600} style={{ whiteSpace: "nowrap" }}>
                      {item.number}
                    </Table.Td>
                    <InvoiceItemCells item={item} />
                    <Table.Td>{item.poNumber ?? <Text c="dimmed">{t("common.none")}</Text>}</Table.Td>
                    {withStatus && (
                      <Table.Td>
                        <InvoiceStatusBadge item={item} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
