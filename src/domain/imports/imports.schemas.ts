import { z } from "zod";
import { isCurrencyCode } from "../../shared/currencies";
import { IdParam, Ref } from "../../shared/schemas";
import { isValidIban } from "../companies/companies.rules";
import { MatchRunResult } from "../matching/matching.schemas";

export const IMPORT_KINDS = [
  "customers",
  "contacts",
  "invoices",
  "payments",
  "fec",
  "einvoice",
  "bank",
] as const;
export const ImportKindSchema = z.enum(IMPORT_KINDS);

export const ImportError = z.object({
  line: z.number().int(),
  column: z.string(),
  value: z.unknown().optional(),
  message: z.string(),
});
export type ImportError = z.infer<typeof ImportError>;

/** The command-line contract's keys, plus what the web page shows. */
export const ImportReport = z.object({
  batchId: z.number().int().nullable(),
  kind: ImportKindSchema,
  fileName: z.string(),
  status: z.enum(["succeeded", "failed", "dry_run", "duplicate"]),
  dryRun: z.boolean(),
  snapshot: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  closed: z.number().int(),
  /** Per entity when a file carries several (FEC: customers, invoices, payments, allocations…). */
  details: z.record(
    z.string(),
    z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  ),
  errors: z.array(ImportError),
  /** Bank statements: the format read (camt, mt940, cfonb120, csv). */
  format: z.string().optional(),
  /** Bank statements: what the matching run that followed the import did. */
  match: MatchRunResult.nullable().optional(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportBatchSummary = z.object({
  id: z.number().int(),
  kind: ImportKindSchema,
  company: z.object({ id: z.number().int(), code: z.string() }),
  fileName: z.string(),
  fileHash: z.string(),
  status: z.enum(["running", "succeeded", "failed", "dry_run", "duplicate"]),
  dryRun: z.boolean(),
  snapshot: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  closed: z.number().int(),
  errorCount: z.number().int(),
  createdBy: Ref.nullable(),
  createdAt: z.string(),
});
export type ImportBatchSummary = z.infer<typeof ImportBatchSummary>;

export const ImportBatchList = z.object({ items: z.array(ImportBatchSummary), total: z.number().int() });
export type ImportBatchList = z.infer<typeof ImportBatchList>;

export const ImportBatchListQuery = z.object({
  companyId: IdParam.optional(),
  kind: ImportKindSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ImportBatchListQuery = z.infer<typeof ImportBatchListQuery>;

export const ImportBatchDetail = ImportBatchSummary.extend({
  errors: z.array(ImportError),
  details: ImportReport.shape.details,
});
export type ImportBatchDetail = z.infer<typeof ImportBatchDetail>;

/** Form fields sent with the file(s) on POST /api/imports (multipart) or as query on POST /api/import/:kind. */
export const ImportOptions = z.object({
  kind: ImportKindSchema,
  companyId: IdParam,
  /** A saved mapping (id) for a CSV or XLSX file that does not use the native columns. */
  mappingId: IdParam.optional(),
  snapshot: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .default(false),
  dryRun: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .default(false),
});
export type ImportOptions = z.infer<typeof ImportOptions>;

export const DATE_FORMATS = [
  "auto",
  "YYYY-MM-DD",
  "DD/MM/YYYY",
  "MM/DD/YYYY",
  "DD.MM.YYYY",
  "YYYYMMDD",
] as const;
export const DECIMAL_SEPARATORS = ["auto", ",", "."] as const;
export const MAPPABLE_KINDS = ["customers", "contacts", "invoices", "payments", "bank"] as const;
export type MappableKind = (typeof MAPPABLE_KINDS)[number];

/**
 * A saved column mapping: which column of the user's file (by header text) feeds each native
 * column, and how its dates and amounts are written. Per company and kind, found by name.
 */
export const ImportMappingInput = z.object({
  companyId: IdParam,
  kind: z.enum(MAPPABLE_KINDS),
  name: z.string().trim().min(1, "must not be empty").max(100),
  /** Native column name → header of the user's file. */
  columns: z
    .record(z.string(), z.string().trim().min(1))
    .refine((c) => Object.keys(c).length > 0, "map at least one column"),
  dateFormat: z.enum(DATE_FORMATS).default("auto"),
  decimalSeparator: z.enum(DECIMAL_SEPARATORS).default("auto"),
  /** Bank exports: the lines' currency when the file has no currency column (else the company's). */
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code): boolean => isCurrencyCode(code), "is not an ISO 4217 currency code (such as EUR)")
    .nullable()
    .default(null),
  /** Bank exports: the IBAN of the account the export is about, when the file does not say. */
  accountIban: z
    .string()
    .transform((value) => value.replace(/\s/g, "").toUpperCase())
    .refine(isValidIban, "is not a valid IBAN")
    .nullable()
    .default(null),
});
export type ImportMappingInput = z.infer<typeof ImportMappingInput>;

export const ImportMapping = ImportMappingInput.extend({
  currency: z.string().nullable(),
  accountIban: z.string().nullable(),
  id: z.number().int(),
  updatedAt: z.string(),
});
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportMappingList = z.object({ items: z.array(ImportMapping) });
export type ImportMappingList = z.infer<typeof ImportMappingList>;

export const ImportMappingListQuery = z.object({
  companyId: IdParam.optional(),
  kind: z.enum(MAPPABLE_KINDS).optional(),
});

/** The first rows of an uploaded CSV or XLSX file, to build a mapping from. */
export const ImportPreview = z.object({
  fileName: z.string(),
  format: z.enum(["csv", "xlsx"]),
  encoding: z.string().nullable(),
  separator: z.string().nullable(),
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  /** The native columns of each mappable kind, and which are required. */
  nativeColumns: z.record(
    z.string(),
    z.object({ columns: z.array(z.string()), required: z.array(z.string()) }),
  ),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
