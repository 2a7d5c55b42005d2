import { Card, SimpleGrid, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { KpiReport } from "../../../domain/kpis/kpis.schemas";
import { formatMoney, formatNumber } from "../../format";
import type { MessageKey } from "../../i18n/messages";
import { useI18n } from "../../i18n/use-i18n";

type Tile = { label: MessageKey; value: number | null; unit: "days" | "percent" };

function tilesOf(k: KpiReport): Tile[] {
  return [
    { label: "kpis.dsoCountback", value: k.dsoCountback, unit: "days" },
    { label: "kpis.dsoSimple", value: k.dsoSimple, unit: "days" },
    { label: "kpis.bpdso", value: k.bpdsoCountback, unit: "days" },
    { label: "kpis.add", value: k.addCountback, unit: "days" },
    { label: "kpis.cei", value: k.cei, unit: "percent" },
    { label: "kpis.avgPaymentDelay", value: k.avgPaymentDelay, unit: "days" },
    { label: "kpis.lateRateAmount", value: k.lateRateAmount, unit: "percent" },
    { label: "kpis.overdueRatio", value: k.overdueRatio, unit: "percent" },
    { label: "kpis.disputeRateAmount", value: k.disputeRateAmount, unit: "percent" },
    { label: "kpis.promiseKeptRate", value: k.promiseKeptRate, unit: "percent" },
  ];
}

/** One currency's KPI tiles, aged balance and forecast, read-only. */
export function KpiTiles({ report }: { report: KpiReport }): ReactNode {
  const { t, locale } = useI18n();
  const money = (amount: string) => formatMoney(amount, report.currency, locale);
  const figure = (tile: Tile) =>
    tile.value === null
      ? "—"
      : t(tile.unit === "days" ? "kpis.days" : "kpis.percent", { value: formatNumber(tile.value, locale) });
  const buckets = ["notDue", "d1_30", "d31_60", "d61_90", "d90plus"] as const;
  const horizons = ["d1_30", "d31_60", "d61_90", "d90plus"] as const;
  return (
    <Card withBorder data-testid={`kpis-${report.currency}`}>
      <Title order={3} mb="sm">
        {t("kpis.currencyTitle", { currency: report.currency, receivables: money(report.receivables) })}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} mb="md">
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {t("kpis.cashCollected")}
          </Text>
          <Text fw={600}>{money(report.cashCollected)}</Text>
        </Card>
        {tilesOf(report).map((tile) => (
          <Card key={tile.label} withBorder padding="sm" data-testid={`kpi-${tile.label}`}>
            <Text size="xs" c="dimmed">
              {t(tile.label)}
            </Text>
            <Text fw={600}>{figure(tile)}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("kpis.aging")}</Table.Th>
              <Table.Th ta="right">{t("kpis.amount")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {buckets.map((bucket) => (
              <Table.Tr key={bucket}>
                <Table.Td>{t(`kpis.aging.${bucket}`)}</Table.Td>
                <Table.Td ta="right">{money(report.aging[bucket])}</Table.Td>
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
            {horizons.map((horizon) => (
              <Table.Tr key={horizon}>
                <Table.Td>{t(`kpis.forecast.${horizon}`)}</Table.Td>
                <Table.Td ta="right">{money(report.forecast[horizon])}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
    </Card>
  );
}
