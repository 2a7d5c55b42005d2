import { useQuery } from "@tanstack/react-query";
import type { Company } from "../../../domain/companies/companies.schemas";
import { readPositiveInt, useUrlParams } from "../../hooks/use-url-params";
import { companiesQuery } from "../companies/companies-api";

export type CompanyChoice = {
  companies: Company[];
  /** The company in the URL, else the first one; undefined while the list loads or when there is none. */
  company: Company | undefined;
  isPending: boolean;
  error: Error | null;
  refetch(): void;
  choose(companyId: number): void;
};

/** The company whose scenarios, rules and settings the page shows, kept in `?companyId=`. */
export function useCompanyChoice(): CompanyChoice {
  const query = useQuery(companiesQuery);
  const { params, update } = useUrlParams();
  const companies = query.data?.items ?? [];
  const wanted = readPositiveInt(params, "companyId");
  const company = companies.find((item) => item.id === wanted) ?? companies[0];
  return {
    companies,
    company,
    isPending: query.isPending,
    error: query.error,
    refetch: () => void query.refetch(),
    choose: (companyId) => update({ companyId }),
  };
}
