import { Anchor, Card, SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { KpiReport } from "../../../domain/kpis/kpis.schemas";
import { formatDate, formatMoney, formatNumber } from "../../format";
import type { MessageKey } from "../../i18n/messages";
import { useI18n } from "../../i18n/use-i18n";
import { drillDown } from "./drill-down";
import type { DashboardParams } from "./kpis-api";

type Unit = "days" | "percent" | "money";
type Tile = {
  label: MessageKey;
  value(k: KpiReport): number | string | null;
  unit: Unit;
  /** DSO, overdue… go down when things get better; CEI, cash, kept promises go up. */
  isLowerBetter: boolean;
  link?(p: DashboardParams): string;
};

const TILES: Tile[] = [
  {
    label: "kpis.dsoCountback",
    value: (k) => k.dsoCountback,
    unit: "days",
    isLowerBetter: true,
    link: drillDown.openInvoices,
  },
  { label: "kpis.dsoSimple", value: (k) => k.dsoSimple, unit: "days", isLowerBetter: true },
  { label: "kpis.bpdso", value: (k) => k.bpdsoCountback, unit: "days", isLowerBetter: true },
  {
    label: "kpis.add",
    value: (k) => k.addCountback,
    unit: "days",
    isLowerBetter: true,
    link: drillDown.overdueInvoices,
  },
  { label: "kpis.cei", value: (k) => k.cei, unit: "percent", isLowerBetter: false },
  {
    label: "kpis.overdueRatio",
    value: (k) => k.overdueRatio,
    unit: "percent",
    isLowerBetter: true,
    link: drillDown.overdueInvoices,
  },
  {
    label: "kpis.overdueAmount",
    value: (k) => k.overdueReceivables,
    unit: "money",
    isLowerBetter: true,
    link: drillDown.overdueCustomers,
  },
  { label: "kpis.cashCollected", value: (k) => k.cashCollected, unit: "money", isLowerBetter: false },
  { label: "kpis.avgPaymentDelay", value: (k) => k.avgPaymentDelay, unit: "days", isLowerBetter: true },
  { label: "kpis.lateRateAmount", value: (k) => k.lateRateAmount, unit: "percent", isLowerBetter: true },
  {
    label: "kpis.disputeRateAmount",
    value: (k) => k.disputeRateAmount,
    unit: "percent",
    isLowerBetter: true,
    link: drillDown.activeDisputes,
  },
  { label: "kpis.promiseKeptRate", value: (k) => k.promiseKeptRate, unit: "percent", isLowerBetter: false },
];

type KpiTilesProps = {
  current: KpiReport;
  lastMonth: KpiReport | null;
  lastYear: KpiReport | null;
  params: DashboardParams;
};

/** The headline figures of the snapshot shown, each with its change since last month and last year. */
export function KpiTiles({ current, lastMonth, lastYear, params }: KpiTilesProps): ReactNode {
  const { t, locale } = useI18n();
  const show = (tile: Tile, value: number | string | null) => {
    if (value === null) return "—";
    if (tile.unit === "money") return formatMoney(String(value), current.currency, locale);
    return t(tile.unit === "days" ? "kpis.days" : "kpis.percent", {
      value: formatNumber(Number(value), locale),
    });
  };
  const change = (tile: Tile, before: KpiReport | null) => {
    const now = tile.value(current);
    const then = before ? tile.value(before) : null;
    if (now === null || then === null) return null;
    const delta = Number(now) - Number(then);
    const color = delta === 0 ? "dimmed" : delta < 0 === tile.isLowerBetter ? "teal" : "red";
    const amount =
      tile.unit === "money"
        ? formatMoney(delta.toFixed(2), current.currency, locale)
        : formatNumber(Math.round(delta * 100) / 100, locale);
    return (
      <Text size="xs" c={color}>
        {t("kpis.since", {
          change: `${delta > 0 ? "+" : ""}${amount}`,
          date: formatDate(before?.date ?? "", locale),
        })}
      </Text>
    );
  };
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 4, xl: 6 }} data-testid="kpi-tiles">
      {TILES.map((tile) => (
        <Card key={tile.label} withBorder padding="sm" data-testid={`kpi-${tile.label}`}>
          <Text size="xs" c="dimmed">
            {t(tile.label)}
          </Text>
          {tile.link ? (
            <Anchor component={Link} to={tile.link(params)} fw={700} size="lg">
              {show(tile, tile.value(current))}
            </Anchor>
          ) : (
            <Text fw={700} size="lg">
              {show(tile, tile.value(current))}
            </Text>
          )}
          {change(tile, lastMonth)}
          {change(tile, lastYear)}
        </Card>
      ))}
    </SimpleGrid>
  );
}
