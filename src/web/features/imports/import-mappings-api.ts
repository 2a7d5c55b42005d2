import { queryOptions } from "@tanstack/react-query";
import type {
  DATE_FORMATS,
  DECIMAL_SEPARATORS,
  ImportMapping,
  ImportMappingInput,
  ImportMappingList,
  ImportPreview,
  MAPPABLE_KINDS,
} from "../../../domain/imports/imports.schemas";
import { api } from "../../api/api-client";
import { apiUpload } from "../../api/api-upload";
import type { ImportKind } from "./imports-api";

export type MappableKind = (typeof MAPPABLE_KINDS)[number];
export type DateFormat = (typeof DATE_FORMATS)[number];
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];

// Values, not imports of the schemas' constants: the web bundle does not pull zod in for three lists.
// The records make TypeScript flag a value added to the schemas and missing here.
const MAPPABLE: Record<MappableKind, true> = {
  customers: true,
  contacts: true,
  invoices: true,
  payments: true,
  bank: true,
};
const DATE_FORMAT_VALUES: Record<DateFormat, true> = {
  auto: true,
  "YYYY-MM-DD": true,
  "DD/MM/YYYY": true,
  "MM/DD/YYYY": true,
  "DD.MM.YYYY": true,
  YYYYMMDD: true,
};
const DECIMAL_VALUES: Record<DecimalSeparator, true> = { auto: true, ",": true, ".": true };

export const DATE_FORMAT_OPTIONS = Object.keys(DATE_FORMAT_VALUES) as DateFormat[];
export const DECIMAL_SEPARATOR_OPTIONS = Object.keys(DECIMAL_VALUES) as DecimalSeparator[];

/** Kinds read from a CSV or XLSX table, whose columns can be mapped (not FEC nor e-invoices). */
export function isMappableKind(kind: ImportKind): kind is MappableKind {
  return Object.hasOwn(MAPPABLE, kind);
}

export const IMPORT_MAPPINGS_QUERY_KEY = ["import-mappings"] as const;

export function importMappingsQuery(companyId: number, kind: MappableKind) {
  return queryOptions({
    queryKey: [...IMPORT_MAPPINGS_QUERY_KEY, { companyId, kind }],
    queryFn: ({ signal }) => api.get<ImportMappingList>("/import-mappings", { companyId, kind }, signal),
  });
}

/** Creates the mapping, or replaces the one whose id is given. */
export function saveImportMapping(input: ImportMappingInput, id: number | null): Promise<ImportMapping> {
  return id === null
    ? api.post<ImportMapping>("/import-mappings", input)
    : api.put<ImportMapping>(`/import-mappings/${id}`, input);
}

export function deleteImportMapping(id: number): Promise<void> {
  return api.delete(`/import-mappings/${id}`);
}

/** The header and first rows of a sample file, to build a mapping from; nothing is imported. */
export function previewImportFile(file: File): Promise<ImportPreview> {
  const form = new FormData();
  form.append("file", file, file.name);
  return apiUpload<ImportPreview>("/imports/preview", form);
}
