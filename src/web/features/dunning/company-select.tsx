import { Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useT } from "../../i18n/use-i18n";
import { companiesQuery } from "../companies/companies-api";

type CompanySelectProps = {
  value: number | undefined;
  onChange(companyId: number | undefined): void;
  "data-testid"?: string;
};

/** One company or all of them; hidden when the user sees a single company. */
export function CompanySelect({ value, onChange, ...rest }: CompanySelectProps): ReactNode {
  const t = useT();
  const companies = useQuery(companiesQuery).data?.items ?? [];
  if (companies.length < 2) return null;
  return (
    <Select
      label={t("company.filter")}
      placeholder={t("company.all")}
      data={companies.map((company) => ({
        value: String(company.id),
        label: `${company.code} · ${company.name}`,
      }))}
      value={value ? String(value) : null}
      onChange={(next) => onChange(next ? Number(next) : undefined)}
      clearable
      searchable
      w={{ base: "100%", xs: 240 }}
      data-testid={rest["data-testid"]}
    />
  );
}
