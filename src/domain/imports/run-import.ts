import { createHash } from "node:crypto";
import { DomainError } from "../../shared/errors";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { applyStaged } from "./apply/apply-staged";
import { type ImportSession, openImportSession } from "./apply/import-session";
import { type ApplyContext, clearStaging } from "./apply/staging";
import type { ColumnMapping } from "./csv/column-mapping";
import { findLastApplied, finishBatch, insertBatch } from "./imports.repo";
import type { ImportReport } from "./imports.schemas";
import type { ImportIssue, ImportKind } from "./imports.types";
import { resolveCompany } from "./resolve-company";
import { resolveMapping } from "./resolve-mapping";
import { MAX_KEPT_ISSUES } from "./stage-native";
import { type ImportSource, type StagedSource, stageSource } from "./stage-source";

export type { ImportSource } from "./stage-source";

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
  const batchId = await insertBatch(ctx.db, {
    companyId: company.id,
    kind: input.kind,
    fileName: input.fileName,
    fileHash: "",
    dryRun: input.dryRun,
    snapshot: input.snapshot,
    createdById: actor.userId,
  });
  // Native invoices on PostgreSQL are staged by COPY into a temporary table: one connection throughout.
  const session = await openImportSession(ctx.db, input.source.format === "csv" && input.kind === "invoices");
  try {
    return await importBatch({ ...ctx, db: session.db }, session, input, { batchId, company, mapping });
  } finally {
    await session.release();
  }
}

type Batch = {
  batchId: number;
  company: { id: number; code: string; currency: string };
  mapping: ColumnMapping | null;
};

/** Stages, checks and applies one batch; every query goes through `ctx.db`, the import's session. */
async function importBatch(
  ctx: AppContext,
  session: ImportSession,
  input: RunImportInput,
  batch: Batch,
): Promise<ImportReport> {
  const { batchId } = batch;
  const now = ctx.clock.now();
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
  try {
    const hash = createHash("sha256");
    const staged = await stageSource(session, { ...input, ...batch, hash });
    report.rows = staged.rows;
    report.errors = staged.issues.map(toError);
    const fileHash = hash.digest("hex");
    await finishBatch(ctx.db, batchId, { fileHash });
    const errorCount =
      staged.issueCount > 0
        ? staged.issueCount
        : await applyUnlessDuplicate(ctx, input, { ...batch, now, fileHash, staged, report });
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

/**
 * Applies a file whose rows were all valid, unless it is the last one applied (then nothing
 * changes); fills the report and returns the number of errors found while applying.
 */
async function applyUnlessDuplicate(
  ctx: AppContext,
  input: RunImportInput,
  batch: Batch & { now: Date; fileHash: string; staged: StagedSource; report: ImportReport },
): Promise<number> {
  const { company, staged, report } = batch;
  const last = await findLastApplied(ctx.db, company.id, input.kind);
  if (!input.dryRun && last && last.fileHash === batch.fileHash && last.snapshot === input.snapshot) {
    report.status = "duplicate";
    report.unchanged = report.rows;
    return 0;
  }
  const applyCtx: ApplyContext = {
    batchId: batch.batchId,
    companyId: company.id,
    companyCode: company.code,
    fileName: input.fileName,
    now: batch.now,
    invoicesTable: staged.invoicesTable,
    isLetteringAuthority: input.kind === "fec",
  };
  const outcome = await applyStaged(ctx.db, applyCtx, {
    present: staged.present,
    parsed: staged.parsed,
    snapshot: input.snapshot,
    dryRun: input.dryRun,
  });
  if (outcome.issues.length > 0) {
    report.errors = outcome.issues.slice(0, MAX_KEPT_ISSUES).map(toError);
    return outcome.issues.length;
  }
  Object.assign(report, outcome.totals, { status: input.dryRun ? "dry_run" : "succeeded" });
  return 0;
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
