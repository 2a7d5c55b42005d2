import { Group, Select, Switch } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { SearchInput } from "../../components/search-input";
import { useT } from "../../i18n/use-i18n";
import { customerFacetsQuery } from "./customers-api";
import type { useCustomerListParams } from "./use-customer-list-params";

type CustomerFiltersProps = ReturnType<typeof useCustomerListParams>;

/** Search, company, segment, collector and "overdue only", from the facets the API offers. */
export function CustomerFilters({ params, update }: CustomerFiltersProps): ReactNode {
  const t = useT();
  const facets = useQuery(customerFacetsQuery(params.companyId)).data;

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <div style={{ flex: "1 1 240px", minWidth: 200 }}>
        <SearchInput
          value={params.q ?? ""}
          onSearch={(q) => update({ q }, { replace: true })}
          placeholder={t("customers.search")}
          data-testid="customer-search"
        />
      </div>
      <Select
        aria-label={t("company.filter")}
        placeholder={t("company.all")}
        data={(facets?.companies ?? []).map((company) => ({
          value: String(company.id),
          label: `${company.code} · ${company.name}`,
        }))}
        value={params.companyId ? String(params.companyId) : null}
        onChange={(companyId) => update({ companyId })}
        clearable
        searchable
        w={{ base: "100%", xs: 220 }}
        data-testid="filter-company"
      />
      <Select
        aria-label={t("customers.segment")}
        placeholder={t("customers.segmentAll")}
        data={(facets?.segments ?? []).map((code) => ({ value: code, label: t.optional("segment.", code) }))}
        value={params.segment ?? null}
        onChange={(segment) => update({ segment })}
        clearable
        searchable
        w={{ base: "100%", xs: 180 }}
        data-testid="filter-segment"
      />
      <Select
        aria-label={t("customers.collector")}
        placeholder={t("customers.collectorAll")}
        data={(facets?.collectors ?? []).map((collector) => ({
          value: String(collector.id),
          label: collector.name,
        }))}
        value={params.collectorId ? String(params.collectorId) : null}
        onChange={(collectorId) => update({ collectorId })}
        clearable
        searchable
        w={{ base: "100%", xs: 250 }}
        data-testid="filter-collector"
      />
      <Switch
        label={t("customers.overdueOnly")}
        checked={params.overdueOnly}
        onChange={(event) => update({ overdueOnly: event.currentTarget.checked })}
        mb={8}
        data-testid="filter-overdue"
      />
    </Group>
  );
}
