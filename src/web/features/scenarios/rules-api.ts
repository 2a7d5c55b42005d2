import { queryOptions } from "@tanstack/react-query";
import type { AssignmentRule, DunningSettings, SaveRuleInput } from "../../../domain/dunning/dunning.schemas";
import { api } from "../../api/api-client";

export const RULES_QUERY_KEY = ["dunning-rules"] as const;
export const SETTINGS_QUERY_KEY = ["dunning-settings"] as const;

/** The company's assignment rules, lower priority first (the order in which they are tried). */
export function rulesQuery(companyId: number) {
  return queryOptions({
    queryKey: [...RULES_QUERY_KEY, companyId],
    queryFn: ({ signal }) => api.get<{ items: AssignmentRule[] }>("/dunning-rules", { companyId }, signal),
  });
}

export function settingsQuery(companyId: number) {
  return queryOptions({
    queryKey: [...SETTINGS_QUERY_KEY, companyId],
    queryFn: ({ signal }) =>
      api.get<DunningSettings>(`/companies/${companyId}/dunning-settings`, undefined, signal),
  });
}

export const rulesApi = {
  /** Creates the rule, or replaces the one whose id is given. */
  save: (input: SaveRuleInput, id: number | null): Promise<AssignmentRule> =>
    id === null
      ? api.post<AssignmentRule>("/dunning-rules", input)
      : api.put<AssignmentRule>(`/dunning-rules/${id}`, input),
  remove: (id: number): Promise<void> => api.delete(`/dunning-rules/${id}`),
  saveSettings: (companyId: number, settings: DunningSettings): Promise<DunningSettings> =>
    api.put<DunningSettings>(`/companies/${companyId}/dunning-settings`, settings),
};

/** What saving a rule sends, from the rule as listed. */
export function ruleInput(rule: AssignmentRule, changes: Partial<SaveRuleInput> = {}): SaveRuleInput {
  return {
    companyId: rule.companyId,
    name: rule.name,
    priority: rule.priority,
    scenarioId: rule.scenarioId,
    conditions: rule.conditions,
    isEnabled: rule.isEnabled,
    ...changes,
  };
}
