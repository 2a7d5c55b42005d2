import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ActionStatus,
  CustomerDunning,
  EditActionInput,
  HoldInput,
  PlannedAction,
  ReviewDecision,
  RunResult,
  ScenarioSummary,
} from "../../../domain/dunning/dunning.schemas";
import { api } from "../../api/api-client";

/** Every dunning query starts with this key: a run, a review or a hold refreshes them all at once. */
export const DUNNING_QUERY_KEY = ["dunning"] as const;

export type CalendarParams = {
  companyId?: number;
  /** First simulated day; the server's today (in the company's time zone) when absent. */
  date?: string;
  days: number;
};

/** What the hold form sends (the end date is a plain `YYYY-MM-DD` string). */
export type HoldRequest = z.input<typeof HoldInput>;

export type ReviewResult = { results: { id: number; status: string }[] };

export function actionsQuery(params: { companyId?: number; status?: ActionStatus; customerId?: number }) {
  return queryOptions({
    queryKey: [...DUNNING_QUERY_KEY, "actions", params],
    queryFn: ({ signal }) =>
      api.get<{ items: PlannedAction[] }>("/dunning/actions", { ...params, limit: 500 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function calendarQuery(params: CalendarParams) {
  return queryOptions({
    queryKey: [...DUNNING_QUERY_KEY, "calendar", params],
    queryFn: ({ signal }) => api.get<RunResult>("/dunning/calendar", params, signal),
    placeholderData: keepPreviousData,
  });
}

export function customerDunningQuery(customerId: number) {
  return queryOptions({
    queryKey: [...DUNNING_QUERY_KEY, "customer", customerId],
    queryFn: ({ signal }) => api.get<CustomerDunning>(`/customers/${customerId}/dunning`, undefined, signal),
  });
}

/** The scenarios a customer of this company can be put on. */
export function companyScenariosQuery(companyId: number) {
  return queryOptions({
    queryKey: ["scenarios", "list", companyId],
    queryFn: ({ signal }) => api.get<{ items: ScenarioSummary[] }>("/scenarios", { companyId }, signal),
    staleTime: 60_000,
  });
}

export const dunningApi = {
  review: (decision: ReviewDecision): Promise<ReviewResult> =>
    api.post<ReviewResult>("/dunning/review", decision),
  editAction: (id: number, input: EditActionInput): Promise<PlannedAction> =>
    api.patch<PlannedAction>(`/dunning/actions/${id}`, input),
  run: (input: { companyId?: number; date?: string }): Promise<RunResult> =>
    api.post<RunResult>("/dunning/run", { ...input, dryRun: false }),
  setScenario: (customerId: number, scenarioId: number | null): Promise<CustomerDunning> =>
    api.put<CustomerDunning>(`/customers/${customerId}/scenario`, { scenarioId }),
  hold: (customerId: number, input: HoldRequest): Promise<CustomerDunning> =>
    api.post<CustomerDunning>(`/customers/${customerId}/holds`, input),
  releaseHold: (holdId: number): Promise<CustomerDunning> =>
    api.post<CustomerDunning>(`/dunning/holds/${holdId}/release`),
};

/** The number of actions a run result holds, over all its days. */
export function countActions(result: RunResult): number {
  return result.days.reduce((sum, day) => sum + day.actions.length, 0);
}
