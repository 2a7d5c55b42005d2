import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { Role } from "../../../domain/users/users.schemas";
import type {
  Agenda,
  AgendaKind,
  AgendaWindow,
  PrioritySettings,
  PriorityWeights,
  ReassignResult,
  Snooze,
} from "../../../domain/workbench/agenda.schemas";
import type { Ref } from "../../../shared/schemas";
import { api } from "../../api/api-client";

export const AGENDA_QUERY_KEY = ["agenda"] as const;

/** Who may open another collector's agenda, set the weights and reassign customers; the API checks the same. */
export const AGENDA_MANAGER_ROLES: readonly Role[] = ["admin", "credit_manager"];
/** Who may snooze an item. */
export const AGENDA_SNOOZE_ROLES: readonly Role[] = ["admin", "credit_manager", "collector", "sales"];

export type AgendaParams = {
  collectorId?: number | undefined;
  kind?: AgendaKind | undefined;
  window: AgendaWindow;
  q?: string | undefined;
};

export function agendaQuery(params: AgendaParams) {
  return queryOptions({
    queryKey: [...AGENDA_QUERY_KEY, "items", params],
    queryFn: ({ signal }) => api.get<Agenda>("/agenda", params, signal),
    placeholderData: keepPreviousData,
  });
}

export function prioritySettingsQuery(companyId: number | undefined) {
  return queryOptions({
    queryKey: [...AGENDA_QUERY_KEY, "weights", companyId ?? null],
    queryFn: ({ signal }) => api.get<PrioritySettings>("/agenda/weights", { companyId }, signal),
  });
}

export const collectorsQuery = queryOptions({
  queryKey: [...AGENDA_QUERY_KEY, "collectors"],
  queryFn: ({ signal }) => api.get<{ items: Ref[] }>("/agenda/collectors", undefined, signal),
  staleTime: 5 * 60_000,
});

export const agendaApi = {
  snooze: (input: { customerId: number; key: string; until: string; reason: string }): Promise<Snooze> =>
    api.post<Snooze>("/agenda/snooze", input),
  saveWeights: (input: { companyId: number; weights: PriorityWeights }): Promise<PrioritySettings> =>
    api.put<PrioritySettings>("/agenda/weights", input),
  reassign: (input: { customerIds: number[]; collectorId: number }): Promise<ReassignResult> =>
    api.post<ReassignResult>("/agenda/reassign", input),
};
