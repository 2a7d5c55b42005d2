import { Group, Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { SearchInput } from "../../components/search-input";
import { useT } from "../../i18n/use-i18n";
import { companiesQuery } from "../companies/companies-api";
import {
  INVOICE_STATUS_FILTERS,
  INVOICE_TYPE_FILTERS,
  type useInvoiceListParams,
} from "./use-invoice-list-params";

type InvoiceFiltersProps = ReturnType<typeof useInvoiceListParams>;

/** Search by number or customer, company, status and type. */
export function InvoiceFilters({ params, update }: InvoiceFiltersProps): ReactNode {
  const t = useT();
  const companies = useQuery(companiesQuery).data?.items ?? [];

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <div style={{ flex: "1 1 240px", minWidth: 200 }}>
        <SearchInput
          value={params.q ?? ""}
          onSearch={(q) => update({ q }, { replace: true })}
          placeholder={t("invoices.search")}
          data-testid="invoice-search"
        />
      </div>
      <Select
        aria-label={t("company.filter")}
        placeholder={t("company.all")}
        data={companies.map((company) => ({
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
        aria-label={t("invoices.status")}
        data={INVOICE_STATUS_FILTERS.map((value) => ({ value, label: t(`invoices.status.${value}`) }))}
        value={params.status}
        onChange={(status) => update({ status: status === "open" ? null : status })}
        allowDeselect={false}
        w={{ base: "100%", xs: 200 }}
        data-testid="filter-status"
      />
      <Select
        aria-label={t("invoices.type")}
        placeholder={t("invoices.typeAll")}
        data={INVOICE_TYPE_FILTERS.map((value) => ({ value, label: t(`invoices.type.${value}`) }))}
        value={params.type ?? null}
        onChange={(type) => update({ type })}
        clearable
        w={{ base: "100%", xs: 200 }}
        data-testid="filter-type"
      />
    </Group>
  );
}
