import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { Role, UserList } from "../../../domain/users/users.schemas";
import type {
  CallResult,
  Dispute,
  DisputeList,
  DisputePage,
  LogCallInput,
  OpenDisputeInput,
  PromiseList,
  PromiseToPay,
  RecordPromiseInput,
  TransitionDisputeInput,
} from "../../../domain/workbench/workbench.schemas";
import { api } from "../../api/api-client";

/** Every workbench query starts with this key: a call, a promise or a dispute refreshes them all. */
export const WORKBENCH_QUERY_KEY = ["workbench"] as const;

/** Who may log calls, record promises and open or move disputes; the API checks the same roles. */
export const WORKBENCH_WRITE_ROLES: readonly Role[] = ["admin", "credit_manager", "collector"];

/** What the forms send: dates are plain `YYYY-MM-DD` strings. */
export type PromiseRequest = z.input<typeof RecordPromiseInput>;
export type DisputeRequest = z.input<typeof OpenDisputeInput>;
export type CallRequest = z.input<typeof LogCallInput>;
export type TransitionRequest = z.input<typeof TransitionDisputeInput>;

export type DisputeListParams = {
  page: number;
  pageSize: number;
  status?: string;
  ownerId?: number;
  departmentId?: number;
  companyId?: number;
};

export function customerPromisesQuery(customerId: number) {
  return queryOptions({
    queryKey: [...WORKBENCH_QUERY_KEY, "promises", customerId],
    queryFn: ({ signal }) => api.get<PromiseList>(`/customers/${customerId}/promises`, undefined, signal),
  });
}

export function customerDisputesQuery(customerId: number) {
  return queryOptions({
    queryKey: [...WORKBENCH_QUERY_KEY, "disputes", "customer", customerId],
    queryFn: ({ signal }) => api.get<DisputeList>(`/customers/${customerId}/disputes`, undefined, signal),
  });
}

export function disputesQuery(params: DisputeListParams) {
  return queryOptions({
    queryKey: [...WORKBENCH_QUERY_KEY, "disputes", "list", params],
    queryFn: ({ signal }) => api.get<DisputePage>("/disputes", params, signal),
    placeholderData: keepPreviousData,
  });
}

/** The people a dispute can be given to, or a task assigned to. */
export const activeUsersQuery = queryOptions({
  queryKey: ["users", "list"],
  queryFn: async ({ signal }) => {
    const list = await api.get<UserList>("/users", undefined, signal);
    return list.items.filter((user) => user.isActive);
  },
  staleTime: 5 * 60_000,
});

export const workbenchApi = {
  recordPromise: (customerId: number, input: PromiseRequest): Promise<PromiseToPay> =>
    api.post<PromiseToPay>(`/customers/${customerId}/promises`, input),
  cancelPromise: (promiseId: number): Promise<PromiseToPay> =>
    api.post<PromiseToPay>(`/promises/${promiseId}/cancel`, {}),
  openDispute: (customerId: number, input: DisputeRequest): Promise<DisputeList> =>
    api.post<DisputeList>(`/customers/${customerId}/disputes`, input),
  transitionDispute: (disputeId: number, input: TransitionRequest): Promise<Dispute> =>
    api.post<Dispute>(`/disputes/${disputeId}/transition`, input),
  logCall: (customerId: number, input: CallRequest): Promise<CallResult> =>
    api.post<CallResult>(`/customers/${customerId}/calls`, input),
};
