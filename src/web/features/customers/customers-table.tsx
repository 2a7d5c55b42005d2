import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import type { MouseEvent, ReactNode } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import type { CustomerListItem } from "../../../domain/customers/customers.schemas";
import { DaysOverdueBadge } from "../../components/days-overdue-badge";
import { EmptyTableRow } from "../../components/empty-table-row";
import { Money } from "../../components/money";
import { SortableTh, type SortOrder } from "../../components/sortable-th";
import { StrategicBadge } from "../../components/strategic-badge";
import { TableSkeleton } from "../../components/table-skeleton";
import { useT } from "../../i18n/use-i18n";
import type { CustomerSort } from "./customers-api";

const COLUMNS = 7;

type CustomersTableProps = {
  items: CustomerListItem[] | undefined;
  sort: CustomerSort;
  order: SortOrder;
  onSort(sort: CustomerSort, order: SortOrder): void;
};

export function CustomersTable({ items, sort, order, onSort }: CustomersTableProps): ReactNode {
  const t = useT();
  const navigate = useNavigate();
  // Remembered so that the customer page can lead back to this exact list (filters, sort, page).
  const linkState = { listSearch: useLocation().search };
  const sortProps = { sort, order, onSort };

  const openCustomer = (event: MouseEvent, id: number): void => {
    // The name is a real link (new tab, keyboard); the rest of the row is a shortcut to it.
    if ((event.target as HTMLElement).closest("a")) return;
    navigate(`/customers/${id}`, { state: linkState });
  };

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="customers-table">
        <Table.Thead>
          <Table.Tr>
            <SortableTh column="name" label={t("customers.col.name")} {...sortProps} />
            <Table.Th>{t("customers.col.company")}</Table.Th>
            <Table.Th>{t("customers.col.segment")}</Table.Th>
            <Table.Th>{t("customers.col.collector")}</Table.Th>
            <SortableTh
              column="openAmount"
              label={t("customers.col.open")}
              firstOrder="desc"
              align="right"
              {...sortProps}
            />
            <SortableTh
              column="overdueAmount"
              label={t("customers.col.overdue")}
              firstOrder="desc"
              align="right"
              {...sortProps}
            />
            <SortableTh
              column="daysOverdue"
              label={t("customers.col.days")}
              firstOrder="desc"
              {...sortProps}
            />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!items && <TableSkeleton columns={COLUMNS} />}
          {items?.length === 0 && (
            <EmptyTableRow
              columns={COLUMNS}
              title={t("customers.empty")}
              description={t("customers.emptyHint")}
            />
          )}
          {items?.map((customer) => (
            <Table.Tr
              key={customer.id}
              onClick={(event) => openCustomer(event, customer.id)}
              style={{ cursor: "pointer" }}
              data-testid="customer-row"
            >
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Anchor
                    component={Link}
                    to={`/customers/${customer.id}`}
                    state={linkState}
                    fw={600}
                    size="sm"
                    c="inherit"
                    data-testid="customer-name"
                  >
                    {customer.name}
                  </Anchor>
                  {customer.isStrategic && <StrategicBadge />}
                </Group>
                <Text size="xs" c="dimmed">
                  {customer.externalRef}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="default" radius="sm">
                  {customer.company.code}
                </Badge>
              </Table.Td>
              <Table.Td>
                {customer.segment ? (
                  t.optional("segment.", customer.segment)
                ) : (
                  <Text c="dimmed">{t("common.none")}</Text>
                )}
              </Table.Td>
              <Table.Td>{customer.collector?.name ?? <Text c="dimmed">{t("common.none")}</Text>}</Table.Td>
              <Table.Td ta="right">
                <Money amount={customer.openAmount} currency={customer.currency} />
              </Table.Td>
              <Table.Td ta="right">
                <Money amount={customer.overdueAmount} currency={customer.currency} alertWhenPositive />
              </Table.Td>
              <Table.Td>
                <DaysOverdueBadge days={customer.openCount > 0 ? customer.maxDaysOverdue : null} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
