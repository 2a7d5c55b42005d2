import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type {
  ImportBatchDetail,
  ImportBatchList,
  ImportReport,
} from "../../../domain/imports/imports.schemas";
import { api, apiUrl } from "../../api/api-client";
import { apiUpload, type UploadCallbacks } from "../../api/api-upload";

export type ImportKind = ImportReport["kind"];
export type ImportStatus = ImportBatchDetail["status"];

export const IMPORTS_QUERY_KEY = ["imports"] as const;

export type ImportHistoryParams = {
  page: number;
  pageSize: number;
  companyId?: number;
  kind?: ImportKind;
};

/** What the form sends: one kind, one company, and one or several files. */
export type ImportRequest = {
  kind: ImportKind;
  companyId: number;
  /** Only an invoices import can be a complete snapshot of the open items. */
  snapshot: boolean;
  /** A saved column mapping (customers, contacts, invoices, payments); null for the native columns. */
  mappingId: number | null;
  dryRun: boolean;
  files: readonly File[];
};

export function importHistoryQuery(params: ImportHistoryParams) {
  return queryOptions({
    queryKey: [...IMPORTS_QUERY_KEY, "list", params],
    queryFn: ({ signal }) => api.get<ImportBatchList>("/imports", params, signal),
    placeholderData: keepPreviousData,
  });
}

export function importBatchQuery(id: number) {
  return queryOptions({
    queryKey: [...IMPORTS_QUERY_KEY, id],
    queryFn: ({ signal }) => api.get<ImportBatchDetail>(`/imports/${id}`, undefined, signal),
  });
}

/** The batch's error report as a CSV download (line, column, value, message). */
export function importErrorsCsvUrl(batchId: number): string {
  return apiUrl(`/imports/${batchId}/errors.csv`);
}

/** Sends the files with their options (the fields first: the server reads them before the files). */
export async function uploadImport(
  request: ImportRequest,
  callbacks: UploadCallbacks,
): Promise<ImportReport[]> {
  const form = new FormData();
  form.append("kind", request.kind);
  form.append("companyId", String(request.companyId));
  form.append("snapshot", String(request.kind === "invoices" && request.snapshot));
  form.append("dryRun", String(request.dryRun));
  if (request.mappingId !== null) form.append("mappingId", String(request.mappingId));
  for (const file of request.files) form.append("file", file, file.name);
  const body = await apiUpload<{ reports: ImportReport[] }>("/imports", form, callbacks);
  return body.reports;
}
