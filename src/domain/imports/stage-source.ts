import type { Hash } from "node:crypto";
import { DomainError } from "../../shared/errors";
import { stageParsed } from "./apply/apply-parsed";
import type { ImportSession } from "./apply/import-session";
import type { ColumnMapping } from "./csv/column-mapping";
import type { NativeKind } from "./csv/native-records";
import type { ImportIssue, ImportKind, ParsedImport } from "./imports.types";
import { ImportParseError } from "./imports.types";
import { MAX_KEPT_ISSUES, openSink, stageTableRows } from "./stage-native";

export type ImportSource =
  | { format: "csv"; chunks: AsyncIterable<Uint8Array> }
  | {
      format: "parsed";
      parse: (currency: string) => Promise<ParsedImport> | ParsedImport;
      bytes: Uint8Array;
    };

export type StageSourceInput = {
  kind: ImportKind;
  fileName: string;
  source: ImportSource;
  batchId: number;
  company: { code: string; currency: string };
  mapping: ColumnMapping | null;
  /** Takes every byte of the file, for its SHA-256. */
  hash: Hash;
  onProgress?: ((rows: number) => void) | undefined;
};

export type StagedSource = {
  rows: number;
  /** Record keys the file carries: a column it does not have leaves its field untouched. */
  present: Set<string>;
  parsed: ParsedImport | null;
  issues: ImportIssue[];
  issueCount: number;
  /** The invoices are in the temporary table of apply/invoice-staging.ts. */
  invoicesTable: boolean;
};

async function* hashing(chunks: AsyncIterable<Uint8Array>, hash: Hash) {
  for await (const chunk of chunks) {
    hash.update(chunk);
    yield chunk;
  }
}

const NATIVE: readonly ImportKind[] = ["customers", "contacts", "invoices", "payments"];

/** Reads, checks and stages a native CSV/XLSX file as it streams in. */
async function stageTable(
  session: ImportSession,
  input: StageSourceInput,
  chunks: AsyncIterable<Uint8Array>,
): Promise<StagedSource> {
  if (!NATIVE.includes(input.kind)) {
    throw new DomainError("VALIDATION", `A ${input.kind} import is not a CSV file`);
  }
  const kind = input.kind as NativeKind;
  const { sink, invoicesTable } = await openSink(session, input.batchId, kind);
  const staged = await stageTableRows(hashing(chunks, input.hash), {
    sink,
    kind,
    fileName: input.fileName,
    currency: input.company.currency,
    companyCode: input.company.code,
    mapping: input.mapping,
    onProgress: input.onProgress,
  });
  return { ...staged, parsed: null, invoicesTable };
}

/** Parses a whole file (FEC, e-invoice, JSON rows) and stages every record list in one transaction. */
async function stageWhole(
  session: ImportSession,
  input: StageSourceInput,
  source: Extract<ImportSource, { format: "parsed" }>,
): Promise<StagedSource> {
  input.hash.update(source.bytes);
  const staged: StagedSource = {
    rows: 0,
    present: new Set(),
    parsed: null,
    issues: [],
    issueCount: 0,
    invoicesTable: false,
  };
  try {
    staged.parsed = await source.parse(input.company.currency);
  } catch (error) {
    if (!(error instanceof ImportParseError)) throw error;
    staged.issues = error.issues.slice(0, MAX_KEPT_ISSUES);
    staged.issueCount = error.issues.length;
    return staged;
  }
  const records = staged.parsed;
  const lists = [records.customers, records.contacts, records.invoices, records.payments];
  staged.rows = lists.reduce((n, list) => n + list.length, 0);
  for (const list of lists) {
    for (const record of list) for (const key of Object.keys(record)) staged.present.add(key);
  }
  await session.db.transaction((tx) => stageParsed(tx, input.batchId, records));
  return staged;
}

/** Stages a file of any format for `applyStaged`; nothing is applied yet. */
export function stageSource(session: ImportSession, input: StageSourceInput): Promise<StagedSource> {
  return input.source.format === "csv"
    ? stageTable(session, input, input.source.chunks)
    : stageWhole(session, input, input.source);
}
