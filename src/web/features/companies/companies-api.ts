import { queryOptions } from "@tanstack/react-query";
import type { CompanyList } from "../../../domain/companies/companies.schemas";
import { api } from "../../api/api-client";

/** The companies the user can see: filters of the lists, target of an import. */
export const companiesQuery = queryOptions({
  queryKey: ["companies"],
  queryFn: ({ signal }) => api.get<CompanyList>("/companies", undefined, signal),
  staleTime: 5 * 60_000,
});
