import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CustomerClaim,
  ImportRatesResult,
  RateSeries,
  ReferenceRate,
  ReferenceRateList,
  ReferenceRateRequest,
} from "../../../domain/legal/legal.schemas";
import type { Role } from "../../../domain/users/users.schemas";
import { api } from "../../api/api-client";

/** Who may change the reference-rate table; the API checks the same role. */
export const RATE_ADMIN_ROLES: readonly Role[] = ["admin"];

const RATES_KEY = ["reference-rates"] as const;

export function customerClaimQuery(customerId: number) {
  return queryOptions({
    queryKey: ["customers", customerId, "claim"],
    queryFn: ({ signal }) => api.get<CustomerClaim>(`/customers/${customerId}/claim`, undefined, signal),
  });
}

export function referenceRatesQuery(series: RateSeries | null) {
  return queryOptions({
    queryKey: [...RATES_KEY, series],
    queryFn: ({ signal }) =>
      api.get<ReferenceRateList>("/reference-rates", { series: series ?? undefined }, signal),
  });
}

export type RateChange =
  | { kind: "save"; rate: ReferenceRateRequest }
  | { kind: "update"; id: number; rate: Pick<ReferenceRateRequest, "ratePercent" | "note" | "isProvisional"> }
  | { kind: "delete"; id: number };

function send(change: RateChange): Promise<ReferenceRate | undefined> {
  switch (change.kind) {
    case "save":
      return api.post<ReferenceRate>("/reference-rates", change.rate);
    case "update":
      return api.put<ReferenceRate>(`/reference-rates/${change.id}`, change.rate);
    case "delete":
      return api.delete(`/reference-rates/${change.id}`).then(() => undefined);
  }
}

/** Every change refreshes the table and the claims computed from it. */
function useRefreshRates() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: RATES_KEY });
    void queryClient.invalidateQueries({
      predicate: (query) => query.queryKey[0] === "customers" && query.queryKey[2] === "claim",
    });
  };
}

export function useRateChange() {
  const refresh = useRefreshRates();
  return useMutation({ mutationFn: send, onSuccess: refresh });
}

export function useRatesImport() {
  const refresh = useRefreshRates();
  return useMutation({
    mutationFn: (csv: string) => api.post<ImportRatesResult>("/reference-rates/import", { csv }),
    onSuccess: refresh,
  });
}
