import { Group, Select } from "@mantine/core";
import type { ReactNode } from "react";
import type { Dashboard } from "../../../domain/kpis/dashboard.schemas";
import { useT } from "../../i18n/use-i18n";
import { CompanySelect } from "../dunning/company-select";
import { DateField } from "../dunning/date-field";
import type { DashboardParams } from "./kpis-api";

type DashboardFiltersProps = {
  params: DashboardParams;
  dashboard: Dashboard | undefined;
  /** Collectors always see their own portfolio: no collector filter for them. */
  canPickCollector: boolean;
  update(changes: Partial<Record<keyof DashboardParams, string | number | undefined | null>>): void;
};

/** Company, currency, segment, collector and date; each choice goes to the query string. */
export function DashboardFilters({
  params,
  dashboard,
  canPickCollector,
  update,
}: DashboardFiltersProps): ReactNode {
  const t = useT();
  const segments = [
    ...(dashboard?.segments ?? []).map((s) => ({ value: s, label: s })),
    { value: "-", label: t("kpis.filter.noSegment") },
  ];
  const collectors = [
    ...(dashboard?.collectors ?? []).map((c) => ({ value: String(c.id), label: c.name })),
    { value: "0", label: t("kpis.league.none") },
  ];
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <CompanySelect value={params.companyId} onChange={(next) => update({ companyId: next })} />
      {(dashboard?.currencies.length ?? 0) > 1 ? (
        <Select
          label={t("kpis.filter.currency")}
          data={dashboard?.currencies ?? []}
          value={dashboard?.currency ?? null}
          onChange={(next) => update({ currency: next })}
          w={120}
          data-testid="dashboard-currency"
        />
      ) : null}
      <Select
        label={t("kpis.filter.segment")}
        placeholder={t("kpis.filter.allSegments")}
        data={segments}
        value={params.segment ?? null}
        onChange={(next) => update({ segment: next })}
        clearable
        w={200}
        data-testid="dashboard-segment"
      />
      {canPickCollector ? (
        <Select
          label={t("kpis.filter.collector")}
          placeholder={t("kpis.filter.allCollectors")}
          data={collectors}
          value={params.collectorId === undefined ? null : String(params.collectorId)}
          onChange={(next) => update({ collectorId: next === null ? undefined : Number(next) })}
          clearable
          searchable
          w={220}
          data-testid="dashboard-collector"
        />
      ) : null}
      <DateField
        label={t("kpis.asOf")}
        placeholder={t("kpis.today")}
        value={params.date ?? null}
        onChange={(next) => update({ date: next })}
        isClearable
        data-testid="dashboard-date"
      />
    </Group>
  );
}
