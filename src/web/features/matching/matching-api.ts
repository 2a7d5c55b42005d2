import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { InvoicePage } from "../../../domain/ledger/ledger.schemas";
import type {
  BankImportResult,
  BankLineDetail,
  BankLinePage,
  BankLineQuery,
  BulkAcceptResult,
  ManualMatchBody,
  MatchingSettings,
  MatchRunResult,
} from "../../../domain/matching/matching.schemas";
import type { Role } from "../../../domain/users/users.schemas";
import { api, apiErrorOf, apiUrl, csrfHeaders } from "../../api/api-client";
import { ApiError, NETWORK_ERROR_STATUS } from "../../api/api-error";

/** Who may match, ignore and undo; viewers read. The API checks the same roles. */
export const MATCHING_ROLES: readonly Role[] = ["admin", "credit_manager", "collector"];
/** Who may open the workspace (sales reps have no use for the bank's lines). */
export const MATCHING_READ_ROLES: readonly Role[] = [...MATCHING_ROLES, "viewer"];
/** Who may change a company's matching threshold and write-off tolerance. */
export const MATCHING_SETTINGS_ROLES: readonly Role[] = ["admin", "credit_manager"];

/** Every matching query starts with this key: an accept, an undo or an upload refreshes them all. */
export const MATCHING_QUERY_KEY = ["matching"] as const;

export type BankLineStatusFilter = BankLineQuery["status"];
export type BankLineSort = BankLineQuery["sort"];

export type BankLineParams = {
  companyId?: number;
  status: BankLineStatusFilter;
  q?: string;
  from?: string;
  to?: string;
  minAmount?: string;
  maxAmount?: string;
  account?: string;
  sort: BankLineSort;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
};

export type BulkAcceptRequest = { companyId?: number; minScore: number; lineIds?: number[] };
export type BulkAcceptAnswer = z.infer<typeof BulkAcceptResult>;

/** What the upload form sends: a company, whether to match right away, the files, and a CSV mapping. */
export type StatementUpload = {
  companyId: number;
  match: boolean;
  /** The saved bank mapping, for CSV or XLSX exports only; null for the bank formats (camt, MT940, CFONB). */
  mappingId: number | null;
  files: readonly File[];
};

export function bankLinesQuery(params: BankLineParams) {
  return queryOptions({
    queryKey: [...MATCHING_QUERY_KEY, "lines", params],
    queryFn: ({ signal }) => api.get<BankLinePage>("/bank-lines", params, signal),
    placeholderData: keepPreviousData,
  });
}

export function bankLineQuery(id: number) {
  return queryOptions({
    queryKey: [...MATCHING_QUERY_KEY, "line", id],
    queryFn: ({ signal }) => api.get<BankLineDetail>(`/bank-lines/${id}`, undefined, signal),
  });
}

/** Suggested lines scoring at least `minScore`: what a bulk accept would take. */
export function bulkCandidatesQuery(params: { companyId?: number; minScore: number }) {
  return queryOptions({
    queryKey: [...MATCHING_QUERY_KEY, "bulk", params],
    queryFn: ({ signal }) =>
      api.get<BankLinePage>("/bank-lines", { ...params, status: "suggested", page: 1, pageSize: 1 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function matchingSettingsQuery(companyId: number) {
  return queryOptions({
    queryKey: [...MATCHING_QUERY_KEY, "settings", companyId],
    queryFn: ({ signal }) =>
      api.get<MatchingSettings>(`/companies/${companyId}/matching-settings`, undefined, signal),
  });
}

/** Open items (invoices and credit notes) to build a manual match from. */
export function openItemsQuery(params: { q?: string; customerId?: number; companyId?: number }) {
  return queryOptions({
    queryKey: ["invoices", "matching", params],
    queryFn: ({ signal }) =>
      api.get<InvoicePage>(
        "/invoices",
        { ...params, status: "open", sort: "dueDate", order: "asc", page: 1, pageSize: 50 },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export const matchingApi = {
  accept: (id: number, rank: number) => api.post<BankLineDetail>(`/bank-lines/${id}/accept`, { rank }),
  match: (id: number, body: ManualMatchBody) => api.post<BankLineDetail>(`/bank-lines/${id}/match`, body),
  ignore: (id: number, reason: string) => api.post<BankLineDetail>(`/bank-lines/${id}/ignore`, { reason }),
  restore: (id: number) => api.post<BankLineDetail>(`/bank-lines/${id}/restore`, {}),
  undo: (matchId: number, reason?: string) =>
    api.post<BankLineDetail>(`/matches/${matchId}/undo`, reason ? { reason } : {}),
  bulkAccept: (request: BulkAcceptRequest) => api.post<BulkAcceptAnswer>("/bank-lines/bulk-accept", request),
  run: (companyId?: number) => api.post<MatchRunResult>("/matching/run", companyId ? { companyId } : {}),
  saveSettings: (companyId: number, settings: MatchingSettings) =>
    api.put<MatchingSettings>(`/companies/${companyId}/matching-settings`, settings),
};

/**
 * Sends the statements (the fields first: the server reads them before the files). A file with errors
 * is answered 422 with the same report (errors by line, column and value, nothing written): it
 * resolves like a success, so that the page can show the errors.
 */
export async function uploadStatements(request: StatementUpload): Promise<BankImportResult> {
  const form = new FormData();
  form.append("companyId", String(request.companyId));
  form.append("match", String(request.match));
  if (request.mappingId !== null) form.append("mappingId", String(request.mappingId));
  for (const file of request.files) form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(apiUrl("/bank-statements"), {
      method: "POST",
      headers: { Accept: "application/json", ...csrfHeaders() },
      body: form,
      credentials: "same-origin",
    });
  } catch (cause) {
    throw new ApiError({
      status: NETWORK_ERROR_STATUS,
      code: "NETWORK",
      message: cause instanceof Error ? cause.message : String(cause),
    });
  }
  const text = await response.text();
  if (response.ok || response.status === 422) {
    try {
      const body = JSON.parse(text) as Partial<BankImportResult>;
      if (Array.isArray(body.errors)) return body as BankImportResult;
    } catch {
      // Not the import report: reported below as the API's error.
    }
  }
  throw apiErrorOf(response.status, response.statusText, text);
}
