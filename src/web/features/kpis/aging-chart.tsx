import { BarChart } from "@mantine/charts";
import { Anchor, SimpleGrid, Table } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { KpiReport } from "../../../domain/kpis/kpis.schemas";
import { formatMoney } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { drillDown } from "./drill-down";
import type { DashboardParams } from "./kpis-api";

const BUCKETS = ["notDue", "d1_30", "d31_60", "d61_90", "d90plus"] as const;
const HORIZONS = ["d1_30", "d31_60", "d61_90", "d90plus"] as const;

/** The aged balance as a chart and a table (each overdue bucket leads to the overdue invoices), and the forecast. */
export function AgingChart({ report, params }: { report: KpiReport; params: DashboardParams }): ReactNode {
  const { t, locale } = useI18n();
  const money = (amount: string) => formatMoney(amount, report.currency, locale);
  const data = BUCKETS.map((bucket) => ({
    bucket: t(`kpis.aging.${bucket}`),
    amount: Number(report.aging[bucket]),
  }));
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <BarChart
        h={220}
        data={data}
        dataKey="bucket"
        yAxisProps={{ width: 100 }}
        valueFormatter={(value) => money(value.toFixed(2))}
        series={[{ name: "amount", label: t("kpis.amount"), color: "orange.6" }]}
        data-testid="aging-chart"
      />
      <Table data-testid="aging-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("kpis.aging")}</Table.Th>
            <Table.Th ta="right">{t("kpis.amount")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {BUCKETS.map((bucket) => (
            <Table.Tr key={bucket}>
              <Table.Td>{t(`kpis.aging.${bucket}`)}</Table.Td>
              <Table.Td ta="right">
                {bucket === "notDue" ? (
                  money(report.aging[bucket])
                ) : (
                  <Anchor component={Link} to={drillDown.overdueInvoices(params)} size="sm">
                    {money(report.aging[bucket])}
                  </Anchor>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("kpis.forecast")}</Table.Th>
            <Table.Th ta="right">{t("kpis.amount")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {HORIZONS.map((horizon) => (
            <Table.Tr key={horizon}>
              <Table.Td>{t(`kpis.forecast.${horizon}`)}</Table.Td>
              <Table.Td ta="right">{money(report.forecast[horizon])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SimpleGrid>
  );
}
