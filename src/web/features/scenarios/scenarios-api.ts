import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type {
  CreateScenarioInput,
  ScenarioDetail,
  ScenarioDocument,
  ScenarioSummary,
  UpdateScenarioInput,
} from "../../../domain/dunning/dunning.schemas";
import { api, apiUrl } from "../../api/api-client";

/** Every scenario query starts with this key (the dunning pages' scenario list shares it). */
export const SCENARIOS_QUERY_KEY = ["scenarios"] as const;

export type CoverageSource = "override" | "rule" | "default";

/**
 * A customer a scenario covers today, from `GET /api/scenarios/:id/customers`.
 * Written here because dunning.schemas.ts has no schema for it yet.
 */
export type CoveredCustomer = {
  id: number;
  externalRef: string;
  name: string;
  segment: string | null;
  source: CoverageSource;
  ruleName: string | null;
};
export type CoveredCustomerPage = { items: CoveredCustomer[]; total: number; page: number; pageSize: number };

export function scenarioListQuery(companyId: number) {
  return queryOptions({
    queryKey: [...SCENARIOS_QUERY_KEY, "list", companyId],
    queryFn: ({ signal }) => api.get<{ items: ScenarioSummary[] }>("/scenarios", { companyId }, signal),
    staleTime: 60_000,
  });
}

export function scenarioQuery(id: number) {
  return queryOptions({
    queryKey: [...SCENARIOS_QUERY_KEY, id],
    queryFn: ({ signal }) => api.get<ScenarioDetail>(`/scenarios/${id}`, undefined, signal),
  });
}

/** An old version never changes: fetched once and kept. */
export function scenarioVersionQuery(id: number, version: number) {
  return queryOptions({
    queryKey: [...SCENARIOS_QUERY_KEY, id, "versions", version],
    queryFn: ({ signal }) =>
      api.get<ScenarioDetail>(`/scenarios/${id}/versions/${version}`, undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function coveredCustomersQuery(id: number, page: number, pageSize: number) {
  return queryOptions({
    queryKey: [...SCENARIOS_QUERY_KEY, id, "customers", { page, pageSize }],
    queryFn: ({ signal }) =>
      api.get<CoveredCustomerPage>(`/scenarios/${id}/customers`, { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The scenario as a JSON document, the file the import accepts back. */
export function scenarioExportUrl(id: number): string {
  return apiUrl(`/scenarios/${id}/export`);
}

export const scenariosApi = {
  create: (input: CreateScenarioInput): Promise<ScenarioDetail> =>
    api.post<ScenarioDetail>("/scenarios", input),
  update: (id: number, input: UpdateScenarioInput): Promise<ScenarioDetail> =>
    api.put<ScenarioDetail>(`/scenarios/${id}`, input),
  /** A new scenario, or a new version of the company's scenario with the same code. */
  import: (companyId: number, document: ScenarioDocument): Promise<ScenarioDetail> =>
    api.post<ScenarioDetail>("/scenarios/import", { companyId, document }),
  get: (id: number): Promise<ScenarioDetail> => api.get<ScenarioDetail>(`/scenarios/${id}`),
};
