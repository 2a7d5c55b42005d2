import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Role } from "../../../domain/users/users.schemas";
import type {
  AddDisputeReasonInput,
  DisputeReasonEntry,
  DisputeReasonList,
  UpdateDisputeReasonInput,
} from "../../../domain/workbench/dispute-reasons.schemas";
import { api, apiRequest } from "../../api/api-client";
import type { UiLanguage } from "../../i18n/languages";
import { WORKBENCH_QUERY_KEY } from "./workbench-api";

/** Only an administrator edits the catalogue; the API checks the same role. */
export const DISPUTE_REASON_ADMIN_ROLES: readonly Role[] = ["admin"];

export const DISPUTE_REASONS_QUERY_KEY = ["dispute-reasons"] as const;

export function disputeReasonsQuery(companyId: number) {
  return queryOptions({
    queryKey: [...DISPUTE_REASONS_QUERY_KEY, companyId],
    queryFn: ({ signal }) =>
      api.get<DisputeReasonList>(`/companies/${companyId}/dispute-reasons`, undefined, signal),
    staleTime: 5 * 60_000,
  });
}

const base = (companyId: number) => `/companies/${companyId}/dispute-reasons`;

export const disputeReasonsApi = {
  add: (companyId: number, input: z.input<typeof AddDisputeReasonInput>): Promise<DisputeReasonList> =>
    api.post<DisputeReasonList>(base(companyId), input),
  update: (
    companyId: number,
    code: string,
    input: z.input<typeof UpdateDisputeReasonInput>,
  ): Promise<DisputeReasonList> =>
    api.patch<DisputeReasonList>(`${base(companyId)}/${encodeURIComponent(code)}`, input),
  reorder: (companyId: number, codes: string[]): Promise<DisputeReasonList> =>
    api.put<DisputeReasonList>(`${base(companyId)}/order`, { codes }),
  remove: (companyId: number, code: string): Promise<DisputeReasonList> =>
    apiRequest<DisputeReasonList>(`${base(companyId)}/${encodeURIComponent(code)}`, { method: "DELETE" }),
};

/** A reason's label in the user's language, the code when the catalogue has no such reason. */
export type ReasonLabeler = (code: string) => string;

export function labelerOf(
  items: readonly DisputeReasonEntry[] | undefined,
  language: UiLanguage,
): ReasonLabeler {
  const byCode = new Map((items ?? []).map((item) => [item.code, item]));
  return (code) => {
    const reason = byCode.get(code);
    if (!reason) return code;
    return (language === "fr" ? reason.labelFr : reason.labelEn) || code;
  };
}

/** The company's catalogue and a labeler over it; the labeler falls back to codes while it loads. */
export function useDisputeReasons(
  companyId: number | undefined,
  language: UiLanguage,
): { items: DisputeReasonEntry[]; labelOf: ReasonLabeler; isLoading: boolean } {
  const query = useQuery({
    ...disputeReasonsQuery(companyId ?? 0),
    enabled: companyId !== undefined,
  });
  const items = query.data?.items ?? [];
  return {
    items,
    labelOf: labelerOf(items, language),
    isLoading: query.isPending && companyId !== undefined,
  };
}

/** Runs one change of the catalogue and puts the list the API answers in the cache. */
export function useDisputeReasonChange(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: (companyId: number) => Promise<DisputeReasonList>) => change(companyId),
    onSuccess: (list) => {
      client.setQueryData(disputeReasonsQuery(companyId).queryKey, list);
      void client.invalidateQueries({ queryKey: WORKBENCH_QUERY_KEY });
    },
  });
}
