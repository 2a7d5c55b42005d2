import { BarChart, LineChart } from "@mantine/charts";
import { SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { TrendPoint } from "../../../domain/kpis/dashboard.schemas";
import { formatDate, formatMoney, formatNumber } from "../../format";
import { useI18n } from "../../i18n/use-i18n";

/** The 12-month charts: DSO (countback), overdue ratio and cash collected, one point per month end. */
export function TrendCharts({ trend, currency }: { trend: TrendPoint[]; currency: string }): ReactNode {
  const { t, locale } = useI18n();
  if (trend.length === 0) return <Text c="dimmed">{t("kpis.noTrend")}</Text>;
  const data = trend.map((p) => ({
    month: formatDate(p.date, locale),
    dso: p.dsoCountback ?? 0,
    overdue: p.overdueRatio ?? 0,
    // Charts take numbers; amounts stay exact everywhere else.
    cash: Number(p.cashCollected),
  }));
  const figure = (value: number) => formatNumber(value, locale);
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} data-testid="trend-charts">
      <div>
        <Text size="sm" fw={600} mb="xs">
          {t("kpis.chart.dso")}
        </Text>
        <LineChart
          h={200}
          data={data}
          dataKey="month"
          valueFormatter={figure}
          series={[{ name: "dso", label: t("kpis.dsoCountback"), color: "blue.6" }]}
        />
      </div>
      <div>
        <Text size="sm" fw={600} mb="xs">
          {t("kpis.chart.overdue")}
        </Text>
        <LineChart
          h={200}
          data={data}
          dataKey="month"
          unit=" %"
          valueFormatter={figure}
          series={[{ name: "overdue", label: t("kpis.overdueRatio"), color: "red.6" }]}
        />
      </div>
      <div>
        <Text size="sm" fw={600} mb="xs">
          {t("kpis.chart.cash")}
        </Text>
        <BarChart
          h={200}
          data={data}
          dataKey="month"
          valueFormatter={(value) => formatMoney(value.toFixed(2), currency, locale)}
          series={[{ name: "cash", label: t("kpis.cashCollected"), color: "teal.6" }]}
        />
      </div>
    </SimpleGrid>
  );
}
