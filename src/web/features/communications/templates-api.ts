import { queryOptions } from "@tanstack/react-query";
import type {
  LetterList,
  PreviewInput,
  RenderedMessage,
  SaveTemplateInput,
  TemplateDetail,
  TemplateKey,
  TemplateList,
} from "../../../domain/communications/communications.schemas";
import type { CustomerPage } from "../../../domain/customers/customers.schemas";
import { api, apiUrl } from "../../api/api-client";

export function templatesQuery(companyId: number | undefined) {
  return queryOptions({
    queryKey: ["templates", companyId ?? null],
    queryFn: ({ signal }) => api.get<TemplateList>("/templates", { companyId }, signal),
    enabled: companyId !== undefined,
  });
}

const keyPath = (key: TemplateKey) =>
  `/templates/${encodeURIComponent(key.code)}/${key.language}/${key.channel}`;

export function templateQuery(companyId: number | undefined, key: TemplateKey | null) {
  return queryOptions({
    queryKey: ["templates", companyId ?? null, key?.code, key?.language, key?.channel],
    queryFn: ({ signal }) => api.get<TemplateDetail>(keyPath(key!), { companyId }, signal),
    enabled: companyId !== undefined && key !== null,
  });
}

export function saveTemplate(
  companyId: number,
  key: TemplateKey,
  input: SaveTemplateInput,
): Promise<TemplateDetail> {
  return api.put<TemplateDetail>(`${keyPath(key)}?companyId=${companyId}`, input);
}

export function previewTemplate(input: Partial<PreviewInput> & Pick<PreviewInput, "customerId" | "text">) {
  return api.post<RenderedMessage>("/templates/preview", input);
}

/** Customers whose name or reference matches, for the preview. */
export function customerSearchQuery(companyId: number | undefined, q: string) {
  return queryOptions({
    queryKey: ["customers", "search", companyId ?? null, q],
    queryFn: ({ signal }) =>
      api.get<CustomerPage>("/customers", { companyId, q: q || undefined, page: 1, pageSize: 20 }, signal),
    enabled: companyId !== undefined,
  });
}

export function lettersQuery(date: string, companyId: number | undefined) {
  return queryOptions({
    queryKey: ["letters", date, companyId ?? null],
    queryFn: ({ signal }) => api.get<LetterList>("/letters", { date, companyId }, signal),
  });
}

export const letterPdfUrl = (id: number): string => apiUrl(`/letters/${id}/pdf`);
export const printBatchUrl = (date: string, companyId: number | undefined, duplex: boolean): string =>
  apiUrl("/letters/batch.pdf", { date, companyId, duplex: duplex || undefined });
