import type { Queryable } from "../../db/client";
import { type Entity, stageRecords } from "./apply/staging";
import { type ColumnMapping, mapHeader, mapRow } from "./csv/column-mapping";
import {
  contactFromRow,
  customerFromRow,
  invoiceFromRow,
  missingColumns,
  type NativeKind,
  type NativeResult,
  paymentFromRow,
} from "./csv/native-records";
import type { CsvRow } from "./csv/read-csv";
import { readRows } from "./csv/read-rows";
import type { ImportIssue } from "./imports.types";

const CHUNK = 5000;
/** Past this many, errors are counted but not kept: the first thousands are enough to fix a file. */
export const MAX_KEPT_ISSUES = 10_000;

const ENTITY: Record<NativeKind, Entity> = {
  customers: "customer",
  contacts: "contact",
  invoices: "invoice",
  payments: "payment",
};

/** Native column names → keys of the staged records, to know which fields a file carries. */
const KEY_OF_COLUMN: Record<string, string> = {
  external_ref: "externalRef",
  customer_ref: "customerRef",
  payment_terms: "paymentTerms",
  credit_limit: "creditLimitMinor",
  collector_email: "collectorEmail",
  sales_rep_email: "salesRepEmail",
  strategic: "isStrategic",
  legal_id: "legalId",
  vat_id: "vatId",
  preferred_channel: "preferredChannel",
};

export type StageOutcome = { rows: number; issues: ImportIssue[]; issueCount: number; present: Set<string> };

export type StageOptions = {
  q: Queryable;
  batchId: number;
  kind: NativeKind;
  fileName: string;
  currency: string;
  companyCode: string;
  mapping?: ColumnMapping | null;
  onProgress?: ((rows: number) => void) | undefined;
};

function convert(kind: NativeKind, row: CsvRow, options: StageOptions): NativeResult<{ line: number }> {
  switch (kind) {
    case "customers":
      return customerFromRow(row, options);
    case "contacts":
      return contactFromRow(row);
    case "invoices":
      return invoiceFromRow(row, options);
    case "payments":
      return paymentFromRow(row, options);
  }
}

/**
 * Reads a CSV or XLSX file as a stream — native columns, or the user's columns through a saved
 * mapping — checks every row, and stages the valid ones chunk by chunk. Once
 * a row fails, nothing more is staged (the file will be rejected) but every row is still checked
 * so that the report lists every error.
 */
export async function stageTableRows(
  source: AsyncIterable<Uint8Array>,
  options: StageOptions,
): Promise<StageOutcome> {
  const issues: ImportIssue[] = [];
  let issueCount = 0;
  let rows = 0;
  let chunk: { line: number }[] = [];
  const present = new Set<string>();
  const report = (found: ImportIssue[]) => {
    issueCount += found.length;
    for (const issue of found) if (issues.length < MAX_KEPT_ISSUES) issues.push(issue);
  };
  let hasHeader = false;
  const mapping = options.mapping ?? null;
  const onHeader = (fileHeader: string[]) => {
    hasHeader = true;
    const mapped = mapping ? mapHeader(fileHeader, mapping) : { header: fileHeader, issues: [] };
    report(mapped.issues);
    const header = mapped.header;
    report(missingColumns(options.kind, header));
    for (const column of header)
      present.add(KEY_OF_COLUMN[column] ?? column.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase()));
    if (header.some((c) => !["external_ref", "customer_ref"].includes(c))) present.add("customFields");
  };
  for await (const fileRow of readRows(source, options.fileName, onHeader)) {
    rows++;
    const row = mapping ? mapRow(fileRow, mapping) : fileRow;
    const { record, issues: found } = convert(options.kind, row, options);
    if (found.length > 0) report(found);
    if (record && issueCount === 0) {
      chunk.push(record);
      if (chunk.length >= CHUNK) {
        await stageRecords(options.q, options.batchId, ENTITY[options.kind], chunk);
        chunk = [];
        options.onProgress?.(rows);
      }
    }
  }
  if (issueCount === 0) await stageRecords(options.q, options.batchId, ENTITY[options.kind], chunk);
  if (rows === 0 && issueCount === 0) {
    const message = hasHeader ? "the file has a header but no data rows" : "the file is empty";
    report([{ line: hasHeader ? 2 : 1, column: "*", field: "*", message }]);
  }
  options.onProgress?.(rows);
  return { rows, issues, issueCount, present };
}
