import type { ImportSession } from "./apply/import-session";
import { copyInvoiceSink, createInvoiceTable } from "./apply/invoice-staging";
import { type Entity, rowSink, type StagingSink } from "./apply/staging";
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
import { readRowBatches } from "./csv/read-rows";
import type { ImportIssue } from "./imports.types";

const PROGRESS_EVERY = 5000;
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
  /** Where the checked records go: `import_row`, or a COPY into a temporary table. */
  sink: StagingSink;
  kind: NativeKind;
  fileName: string;
  currency: string;
  companyCode: string;
  mapping?: ColumnMapping | null;
  onProgress?: ((rows: number) => void) | undefined;
};

/** On PostgreSQL, invoices go by COPY into a typed temporary table; anything else into `import_row`. */
export async function openSink(
  session: ImportSession,
  batchId: number,
  kind: NativeKind,
): Promise<{ sink: StagingSink; invoicesTable: boolean }> {
  if (session.copyIn && kind === "invoices") {
    await createInvoiceTable(session.db);
    return { sink: copyInvoiceSink(session.db, session.copyIn), invoicesTable: true };
  }
  return { sink: rowSink(session.db, batchId, ENTITY[kind]), invoicesTable: false };
}

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
 * mapping — checks every row, and stages the valid ones batch by batch. Once a row fails, nothing
 * more is staged (the file will be rejected) but every row is still checked so that the report
 * lists every error.
 */
export async function stageTableRows(
  source: AsyncIterable<Uint8Array>,
  options: StageOptions,
): Promise<StageOutcome> {
  const issues: ImportIssue[] = [];
  let issueCount = 0;
  let rows = 0;
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
  const { sink } = options;
  let progressAt = 0;
  try {
    for await (const batch of readRowBatches(source, options.fileName, onHeader)) {
      const valid: { line: number }[] = [];
      for (const fileRow of batch) {
        rows++;
        const row = mapping ? mapRow(fileRow, mapping) : fileRow;
        const { record, issues: found } = convert(options.kind, row, options);
        if (found.length > 0) report(found);
        if (record && issueCount === 0) valid.push(record);
      }
      if (issueCount === 0) await sink.add(valid);
      if (rows - progressAt >= PROGRESS_EVERY) {
        progressAt = rows;
        options.onProgress?.(rows);
      }
    }
  } catch (error) {
    await sink.abort();
    throw error;
  }
  if (issueCount === 0) await sink.finish();
  else await sink.abort();
  if (rows === 0 && issueCount === 0) {
    const message = hasHeader ? "the file has a header but no data rows" : "the file is empty";
    report([{ line: hasHeader ? 2 : 1, column: "*", field: "*", message }]);
  }
  options.onProgress?.(rows);
  return { rows, issues, issueCount, present };
}
