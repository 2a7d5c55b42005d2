import { Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { QueryError } from "../../components/query-error";
import { readPositiveInt, readText, useUrlParams } from "../../hooks/use-url-params";
import { useT } from "../../i18n/use-i18n";
import { CompanySelect } from "../dunning/company-select";
import { DateField } from "../dunning/date-field";
import { KpiTiles } from "./kpi-tiles";
import { kpisQuery } from "./kpis-api";

/** `/dashboard`: the KPIs as of a date (today by default), one block per currency, read-only. */
export function DashboardPage(): ReactNode {
  const t = useT();
  useDocumentTitle(`${t("kpis.title")} · Encours`);
  const { params, update } = useUrlParams();
  const companyId = readPositiveInt(params, "companyId");
  const date = readText(params, "date");
  const kpis = useQuery(kpisQuery({ companyId, date }));
  return (
    <Stack data-testid="dashboard-page">
      <Title order={2}>{t("kpis.title")}</Title>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <CompanySelect value={companyId} onChange={(next) => update({ companyId: next })} />
        <DateField
          label={t("kpis.asOf")}
          placeholder={t("kpis.today")}
          value={date ?? null}
          onChange={(next) => update({ date: next })}
          isClearable
          data-testid="dashboard-date"
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t("kpis.subtitle")}
      </Text>
      {kpis.isPending ? <Skeleton h={240} /> : null}
      {kpis.isError ? <QueryError error={kpis.error} onRetry={() => void kpis.refetch()} /> : null}
      {kpis.data?.items.length === 0 ? <Text>{t("kpis.empty")}</Text> : null}
      {kpis.data?.items.map((report) => (
        <KpiTiles key={report.currency} report={report} />
      ))}
    </Stack>
  );
}
