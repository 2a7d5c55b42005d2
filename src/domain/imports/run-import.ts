import { createHash } from "node:crypto";
import { DomainError } from "../../shared/errors";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { stageParsed } from "./apply/apply-parsed";
import { applyStaged } from "./apply/apply-staged";
import { type ApplyContext, clearStaging } from "./apply/staging";
import { findLastApplied, finishBatch, insertBatch } from "./imports.repo";
import type { ImportReport } from "./imports.schemas";
import type { ImportIssue, ImportKind, ParsedImport } from "./imports.types";
import { ImportParseError } from "./imports.types";
import { resolveCompany } from "./resolve-company";
import { resolveMapping } from "./resolve-mapping";
import { MAX_KEPT_ISSUES, stageTableRows } from "./stage-native";

export type ImportSource =
  | { format: "csv"; chunks: AsyncIterable<Uint8Array> }
  | {
      format: "parsed";
      parse: (currency: string) => Promise<ParsedImport> | ParsedImport;
      bytes: Uint8Array;
    };

export type RunImportInput = {
  kind: ImportKind;
  company: { id?: number; code?: string };
  fileName: string;
  source: ImportSource;
  snapshot: boolean;
  dryRun: boolean;
  /** A saved column mapping, by id or by name, for CSV/XLSX files without the native columns. */
  mapping?: { id?: number | undefined; name?: string | undefined } | undefined;
  /** SHA-256 of the file when the caller could read it first (a file on disk): an unchanged file is skipped unread. */
  fileHash?: string | undefined;
  onProgress?: ((rows: number) => void) | undefined;
};

async function* hashing(chunks: AsyncIterable<Uint8Array>, hash: ReturnType<typeof createHash>) {
  for await (const chunk of chunks) {
    hash.update(chunk);
    yield chunk;
  }
}

/**
 * Imports one file: all or nothing. Rows are checked and staged as they stream in; if any row is
 * wrong nothing is written and the report lists every error. Otherwise everything is applied in
 * one transaction (rolled back on a dry run). Collector work is never touched.
 */
export async function runImport(ctx: AppContext, actor: Actor, input: RunImportInput): Promise<ImportReport> {
  const company = await resolveCompany(ctx, input.company);
  if (input.snapshot && input.kind !== "invoices") {
    throw new DomainError("VALIDATION", "--snapshot applies to invoices imports only", {
      issues: [
        { field: "snapshot", value: true, message: "only an invoices file can be a complete snapshot" },
      ],
    });
  }
  const mapping = await resolveMapping(ctx, company.id, input);
  if (input.fileHash && !input.dryRun) {
    const last = await findLastApplied(ctx.db, company.id, input.kind);
    if (last && last.fileHash === input.fileHash && last.snapshot === input.snapshot) {
      return recordDuplicate(ctx, actor, input, company.id, last.rows);
    }
  }
  const hash = createHash("sha256");
  const batchId = await insertBatch(ctx.db, {
    companyId: company.id,
    kind: input.kind,
    fileName: input.fileName,
    fileHash: "",
    dryRun: input.dryRun,
    snapshot: input.snapshot,
    createdById: actor.userId,
  });
  const now = ctx.clock.now();
  const applyCtx: ApplyContext = {
    batchId,
    companyId: company.id,
    companyCode: company.code,
    fileName: input.fileName,
    now,
  };
  const report: ImportReport = {
    batchId,
    kind: input.kind,
    fileName: input.fileName,
    status: "failed",
    dryRun: input.dryRun,
    snapshot: input.snapshot,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    closed: 0,
    details: {},
    errors: [],
  };
  let errorCount = 0;
  try {
    let present = new Set<string>();
    let parsed: ParsedImport | null = null;
    if (input.source.format === "csv") {
      if (!["customers", "contacts", "invoices", "payments"].includes(input.kind)) {
        throw new DomainError("VALIDATION", `A ${input.kind} import is not a CSV file`);
      }
      const staged = await stageTableRows(hashing(input.source.chunks, hash), {
        q: ctx.db,
        batchId,
        kind: input.kind as "customers" | "contacts" | "invoices" | "payments",
        fileName: input.fileName,
        currency: company.currency,
        companyCode: company.code,
        mapping,
        onProgress: input.onProgress,
      });
      report.rows = staged.rows;
      present = staged.present;
      report.errors = staged.issues.map(toError);
      errorCount = staged.issueCount;
    } else {
      hash.update(input.source.bytes);
      try {
        parsed = await input.source.parse(company.currency);
      } catch (error) {
        if (!(error instanceof ImportParseError)) throw error;
        report.errors = error.issues.slice(0, MAX_KEPT_ISSUES).map(toError);
        errorCount = error.issues.length;
      }
      if (parsed) {
        const records = parsed;
        report.rows =
          records.customers.length +
          records.invoices.length +
          records.payments.length +
          records.contacts.length;
        for (const list of [records.customers, records.contacts, records.invoices, records.payments]) {
          for (const record of list) for (const key of Object.keys(record)) present.add(key);
        }
        await ctx.db.transaction((tx) => stageParsed(tx, batchId, records));
      }
    }
    const fileHash = hash.digest("hex");
    await finishBatch(ctx.db, batchId, { fileHash });
    if (errorCount === 0) {
      const last = await findLastApplied(ctx.db, company.id, input.kind);
      if (!input.dryRun && last && last.fileHash === fileHash && last.snapshot === input.snapshot) {
        report.status = "duplicate";
        report.unchanged = report.rows;
      } else {
        const outcome = await applyStaged(ctx.db, applyCtx, {
          present,
          parsed,
          snapshot: input.snapshot,
          dryRun: input.dryRun,
        });
        if (outcome.issues.length > 0) {
          report.errors = outcome.issues.slice(0, MAX_KEPT_ISSUES).map(toError);
          errorCount = outcome.issues.length;
        } else {
          Object.assign(report, outcome.totals, { status: input.dryRun ? "dry_run" : "succeeded" });
        }
      }
    }
    await finishBatch(ctx.db, batchId, {
      status: report.status,
      rows: report.rows,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      closed: report.closed,
      errorCount,
      errors: report.errors,
      details: report.details,
      finishedAt: ctx.clock.now(),
    });
    return report;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishBatch(ctx.db, batchId, {
      status: "failed",
      errorCount: 1,
      errors: [{ line: 0, column: "*", message }],
      finishedAt: ctx.clock.now(),
    });
    throw error;
  } finally {
    await clearStaging(ctx.db, batchId);
  }
}

/** The same file as the last import of this kind: nothing to read, nothing changes. */
async function recordDuplicate(
  ctx: AppContext,
  actor: Actor,
  input: RunImportInput,
  companyId: number,
  rows: number,
): Promise<ImportReport> {
  const batchId = await insertBatch(ctx.db, {
    companyId,
    kind: input.kind,
    fileName: input.fileName,
    fileHash: input.fileHash ?? "",
    status: "duplicate",
    snapshot: input.snapshot,
    rows,
    unchanged: rows,
    createdById: actor.userId,
    finishedAt: ctx.clock.now(),
  });
  return {
    batchId,
    kind: input.kind,
    fileName: input.fileName,
    status: "duplicate",
    dryRun: false,
    snapshot: input.snapshot,
    rows,
    created: 0,
    updated: 0,
    unchanged: rows,
    closed: 0,
    details: {},
    errors: [],
  };
}

function toError(issue: ImportIssue) {
  return { line: issue.line, column: issue.column, value: issue.value, message: issue.message };
}
