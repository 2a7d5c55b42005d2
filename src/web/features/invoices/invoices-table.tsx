import { Anchor, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { InvoiceListItem } from "../../../domain/ledger/ledger.schemas";
import { EmptyTableRow } from "../../components/empty-table-row";
import { InvoiceItemCells } from "../../components/invoice-item-cells";
import { InvoiceStatusBadge } from "../../components/invoice-status-badge";
import { SortableTh, type SortOrder } from "../../components/sortable-th";
import { TableSkeleton } from "../../components/table-skeleton";
import { useT } from "../../i18n/use-i18n";
import type { InvoiceSort } from "./invoices-api";

const COLUMNS = 9;

type InvoicesTableProps = {
  items: InvoiceListItem[] | undefined;
  sort: InvoiceSort;
  order: SortOrder;
  onSort(sort: InvoiceSort, order: SortOrder): void;
};

export function InvoicesTable({ items, sort, order, onSort }: InvoicesTableProps): ReactNode {
  const t = useT();
  const sortProps = { sort, order, onSort };
  return (
    <Table.ScrollContainer minWidth={1040}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="invoices-table">
        <Table.Thead>
          <Table.Tr>
            <SortableTh column="number" label={t("items.col.number")} {...sortProps} />
            <Table.Th>{t("items.col.customer")}</Table.Th>
            <Table.Th>{t("items.col.type")}</Table.Th>
            <SortableTh
              column="issueDate"
              label={t("items.col.issueDate")}
              firstOrder="desc"
              {...sortProps}
            />
            <SortableTh column="dueDate" label={t("items.col.dueDate")} {...sortProps} />
            <SortableTh
              column="amount"
              label={t("items.col.amount")}
              firstOrder="desc"
              align="right"
              {...sortProps}
            />
            <SortableTh
              column="openAmount"
              label={t("items.col.openAmount")}
              firstOrder="desc"
              align="right"
              {...sortProps}
            />
            <SortableTh column="daysOverdue" label={t("items.col.days")} firstOrder="desc" {...sortProps} />
            <Table.Th>{t("items.col.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!items && <TableSkeleton columns={COLUMNS} />}
          {items?.length === 0 && (
            <EmptyTableRow
              columns={COLUMNS}
              title={t("invoices.empty")}
              description={t("invoices.emptyHint")}
            />
          )}
          {items?.map((item) => (
            <Table.Tr key={item.id} data-testid="invoice-row">
              <Table.Td fw={600} style={{ whiteSpace: "nowrap" }}>
                {item.number}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/customers/${item.customer.id}`} size="sm" fw={500}>
                  {item.customer.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {item.customer.externalRef}
                </Text>
              </Table.Td>
              <InvoiceItemCells item={item} />
              <Table.Td>
                <InvoiceStatusBadge item={item} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
