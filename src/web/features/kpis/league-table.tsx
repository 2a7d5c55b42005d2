import { Anchor, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { LeagueRow } from "../../../domain/kpis/dashboard.schemas";
import { formatMoney, formatNumber } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { drillDown } from "./drill-down";
import type { DashboardParams } from "./kpis-api";

/** The collectors side by side on the snapshot's day; each name leads to their overdue customers. */
export function LeagueTable({ rows, params }: { rows: LeagueRow[]; params: DashboardParams }): ReactNode {
  const { t, locale } = useI18n();
  if (rows.length === 0) return <Text c="dimmed">{t("kpis.league.empty")}</Text>;
  const figure = (value: number | null) => (value === null ? "—" : formatNumber(value, locale));
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="league-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("kpis.league.collector")}</Table.Th>
            <Table.Th ta="right">{t("kpis.receivables")}</Table.Th>
            <Table.Th ta="right">{t("kpis.overdueAmount")}</Table.Th>
            <Table.Th ta="right">{t("kpis.overdueRatio")}</Table.Th>
            <Table.Th ta="right">{t("kpis.dsoCountback")}</Table.Th>
            <Table.Th ta="right">{t("kpis.cashCollected")}</Table.Th>
            <Table.Th ta="right">{t("kpis.league.work")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ collectorId, name, report: k }) => (
            <Table.Tr key={collectorId ?? "none"}>
              <Table.Td>
                <Anchor component={Link} to={drillDown.overdueCustomers(params, collectorId ?? 0)} size="sm">
                  {name ?? t("kpis.league.none")}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{formatMoney(k.receivables, k.currency, locale)}</Table.Td>
              <Table.Td ta="right">{formatMoney(k.overdueReceivables, k.currency, locale)}</Table.Td>
              <Table.Td ta="right">{figure(k.overdueRatio)}</Table.Td>
              <Table.Td ta="right">{figure(k.dsoCountback)}</Table.Td>
              <Table.Td ta="right">{formatMoney(k.cashCollected, k.currency, locale)}</Table.Td>
              <Table.Td ta="right">
                {t("kpis.league.workValue", {
                  calls: k.activity.calls,
                  messages: k.activity.messages,
                  tasks: k.activity.tasksDone,
                })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
