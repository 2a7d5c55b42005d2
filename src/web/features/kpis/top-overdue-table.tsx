import { Anchor, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { TopOverdue } from "../../../domain/kpis/dashboard.schemas";
import { formatMoney } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { drillDown } from "./drill-down";

/** The ten customers with the most overdue; each leads to the customer's page. */
export function TopOverdueTable({ data }: { data: TopOverdue }): ReactNode {
  const { t, locale } = useI18n();
  if (data.items.length === 0 || data.currency === null) return <Text c="dimmed">{t("kpis.top.empty")}</Text>;
  const money = (amount: string) => formatMoney(amount, data.currency ?? "EUR", locale);
  return (
    <Table data-testid="top-overdue-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("kpis.top.customer")}</Table.Th>
          <Table.Th ta="right">{t("kpis.overdueAmount")}</Table.Th>
          <Table.Th ta="right">{t("kpis.receivables")}</Table.Th>
          <Table.Th ta="right">{t("kpis.top.maxDays")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.items.map((c) => (
          <Table.Tr key={c.customerId}>
            <Table.Td>
              <Anchor component={Link} to={drillDown.customer(c.customerId)} size="sm" fw={600}>
                {c.name}
              </Anchor>
            </Table.Td>
            <Table.Td ta="right">{money(c.overdue)}</Table.Td>
            <Table.Td ta="right">{money(c.receivables)}</Table.Td>
            <Table.Td ta="right">{c.maxDaysOverdue}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
