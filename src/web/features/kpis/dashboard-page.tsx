import { Alert, Button, Group, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { addDays } from "../../../shared/dates";
import { QueryError } from "../../components/query-error";
import { formatDate } from "../../format";
import { readPositiveInt, readText, useUrlParams } from "../../hooks/use-url-params";
import { useI18n } from "../../i18n/use-i18n";
import { hasRole } from "../auth/roles";
import { useMe } from "../auth/use-me";
import { browserToday } from "../dunning/browser-today";
import { AgingChart } from "./aging-chart";
import { DashboardFilters } from "./dashboard-filters";
import { DashboardSection } from "./dashboard-section";
import { DisputeBreakdownTable } from "./dispute-breakdown-table";
import { KpiTiles } from "./kpi-tiles";
import {
  type DashboardParams,
  dashboardQuery,
  disputeBreakdownQuery,
  reportUrl,
  SNAPSHOT_ROLES,
  takeSnapshot,
  topOverdueQuery,
} from "./kpis-api";
import { LeagueTable } from "./league-table";
import { TopOverdueTable } from "./top-overdue-table";
import { TrendCharts } from "./trend-charts";

/** "mars 2026", "March 2026": the month of a date, in the page's language. */
function formatMonth(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    Date.parse(`${isoDate.slice(0, 7)}-01T00:00:00Z`),
  );
}

/**
 * `/dashboard`: the credit manager's and CFO's figures, read from the daily KPI snapshots: tiles with
 * their trends, 12-month charts, aged balance, top overdue customers, disputes, collectors' league.
 */
export function DashboardPage(): ReactNode {
  const { t, locale, language } = useI18n();
  useDocumentTitle(`${t("kpis.title")} · Encours`);
  const me = useMe();
  const { params: search, update } = useUrlParams();
  const params: DashboardParams = {
    companyId: readPositiveInt(search, "companyId"),
    currency: readText(search, "currency"),
    segment: readText(search, "segment"),
    collectorId: search.get("collectorId") === "0" ? 0 : readPositiveInt(search, "collectorId"),
    date: readText(search, "date"),
  };
  const dashboard = useQuery(dashboardQuery(params));
  const d = dashboard.data;
  const detailParams = {
    ...params,
    companyId: d?.company?.id ?? params.companyId,
    currency: d?.currency ?? params.currency,
  };
  const top = useQuery({ ...topOverdueQuery(detailParams), enabled: Boolean(d?.current) });
  const disputes = useQuery({ ...disputeBreakdownQuery(detailParams), enabled: Boolean(d?.current) });
  const queryClient = useQueryClient();
  const snapshot = useMutation({
    // Yesterday by default: the last day that is over (a snapshot is final once taken).
    mutationFn: () =>
      takeSnapshot({ companyId: d?.company?.id ?? 0, date: params.date ?? addDays(browserToday(), -1) }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ["kpis"] }),
  });
  const canSnapshot = hasRole(me, SNAPSHOT_ROLES) && Boolean(d?.company);
  return (
    <Stack data-testid="dashboard-page">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t("kpis.title")}</Title>
        <Group gap="xs">
          {d?.current && d.date ? (
            <Button
              variant="default"
              component="a"
              href={reportUrl(d.date.slice(0, 7), language, detailParams)}
              download
              data-testid="monthly-report"
            >
              {t("kpis.monthlyReport", { month: formatMonth(d.date, locale) })}
            </Button>
          ) : null}
          {canSnapshot ? (
            <Button
              variant="light"
              onClick={() => snapshot.mutate()}
              loading={snapshot.isPending}
              data-testid="take-snapshot"
            >
              {t("kpis.takeSnapshot")}
            </Button>
          ) : null}
        </Group>
      </Group>
      <DashboardFilters
        params={params}
        dashboard={d}
        canPickCollector={me?.user.role !== "collector"}
        update={update}
      />
      {snapshot.isError ? <QueryError error={snapshot.error} onRetry={() => snapshot.mutate()} /> : null}
      {dashboard.isPending ? <Skeleton h={240} /> : null}
      {dashboard.isError ? (
        <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : null}
      {d && !d.current ? (
        <Alert color="gray" data-testid="dashboard-empty">
          {t("kpis.noSnapshot", { date: formatDate(d.requestedDate, locale) })}
        </Alert>
      ) : null}
      {d?.current && d.date ? (
        <>
          <Text size="sm" c="dimmed" data-testid="dashboard-as-of">
            {t("kpis.snapshotOf", {
              date: formatDate(d.date, locale),
              from: formatDate(d.current.periodFrom, locale),
              company: d.company?.name ?? "",
            })}
          </Text>
          <KpiTiles current={d.current} lastMonth={d.lastMonth} lastYear={d.lastYear} params={detailParams} />
          <DashboardSection title={t("kpis.chart.title")} table="trend" params={detailParams}>
            <TrendCharts trend={d.trend} currency={d.current.currency} />
          </DashboardSection>
          <DashboardSection title={t("kpis.aging")} table="aging" params={detailParams}>
            <AgingChart report={d.current} params={detailParams} />
          </DashboardSection>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <DashboardSection title={t("kpis.top.title")} table="top-overdue" params={detailParams}>
              {top.data ? <TopOverdueTable data={top.data} /> : <Skeleton h={160} />}
            </DashboardSection>
            <DashboardSection title={t("kpis.disputes.title")} table="disputes" params={detailParams}>
              {disputes.data ? (
                <DisputeBreakdownTable data={disputes.data} params={detailParams} />
              ) : (
                <Skeleton h={160} />
              )}
            </DashboardSection>
          </SimpleGrid>
          {d.league.length > 0 ? (
            <DashboardSection title={t("kpis.league.title")} table="league" params={detailParams}>
              <LeagueTable rows={d.league} params={detailParams} />
            </DashboardSection>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
