import { createHash } from "node:crypto";
import { isDomainError } from "../../shared/errors";
import type { AppContext } from "../context";
import { importStatements } from "../matching/import-statements";
import { runMatching } from "../matching/run-matching";
import { parseStatementFile } from "../matching/statements/parse-statement-file";
import type { BankCsvMapping } from "../matching/statements/read-bank-csv";
import type { Actor } from "../users/users.types";
import { finishBatch, insertBatch } from "./imports.repo";
import type { ImportReport } from "./imports.schemas";
import { resolveCompany } from "./resolve-company";
import { resolveMapping } from "./resolve-mapping";

export type ImportBankInput = {
  company: { id?: number; code?: string };
  fileName: string;
  readAll: () => Promise<Uint8Array>;
  dryRun: boolean;
  /** The saved bank mapping (by id or name) that reads a CSV or XLSX export; camt, MT940 and CFONB need none. */
  mapping?: { id?: number | undefined; name?: string | undefined } | undefined;
  /** Run the matching of the company right after the lines are stored (the default). */
  match?: boolean;
};

/** The saved mapping asked for, as the statement reader takes it: the company's currency by default. */
async function bankMapping(
  ctx: AppContext,
  company: { id: number; currency: string },
  input: ImportBankInput,
): Promise<BankCsvMapping | undefined> {
  const found = await resolveMapping(ctx, company.id, { kind: "bank", mapping: input.mapping });
  if (!found) return undefined;
  return {
    name: found.name,
    columns: found.columns,
    dateFormat: found.dateFormat,
    decimalSeparator: found.decimalSeparator,
    currency: found.currency ?? company.currency,
    accountIban: found.accountIban,
  };
}

/**
 * A bank statement file on the imports history: the matching module reads and stores its lines (all
 * or nothing, a line already imported is not added again), then matches the company's waiting lines.
 * A broken file leaves a failed batch with its errors and nothing else.
 */
export async function importBankFile(
  ctx: AppContext,
  actor: Actor,
  input: ImportBankInput,
): Promise<ImportReport> {
  const company = await resolveCompany(ctx, input.company);
  const bytes = await input.readAll();
  const fileHash = createHash("sha256").update(bytes).digest("hex");
  const report: ImportReport = {
    batchId: null,
    kind: "bank",
    fileName: input.fileName,
    status: "failed",
    dryRun: input.dryRun,
    snapshot: false,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    closed: 0,
    details: {},
    errors: [],
    match: null,
  };
  const batchId = await insertBatch(ctx.db, {
    companyId: company.id,
    kind: "bank",
    fileName: input.fileName,
    fileHash,
    dryRun: input.dryRun,
    createdById: actor.userId,
  });
  report.batchId = batchId;
  try {
    const csvMapping = await bankMapping(ctx, company, input);
    if (input.dryRun) {
      const parsed = await parseStatementFile(bytes, input.fileName, csvMapping ? { csvMapping } : {});
      report.rows = parsed.statements.reduce((n, s) => n + s.lines.length, 0);
      report.format = parsed.format;
      report.status = "dry_run";
    } else {
      const stored = await importStatements(ctx, actor, {
        companyId: company.id,
        fileName: input.fileName,
        bytes,
        csvMapping,
      });
      report.rows = stored.rows;
      report.format = stored.format;
      report.created = stored.created;
      report.unchanged = stored.unchanged;
      report.details = { statements: { created: stored.statements, updated: 0, unchanged: 0 } };
      report.status = "succeeded";
      if (input.match !== false) report.match = await runMatching(ctx, { companyId: company.id });
    }
  } catch (error) {
    if (!isDomainError(error)) {
      await finishBatch(ctx.db, batchId, {
        status: "failed",
        errorCount: 1,
        errors: [{ line: 0, column: "*", message: error instanceof Error ? error.message : String(error) }],
        finishedAt: ctx.clock.now(),
      });
      throw error;
    }
    const issues = error.details.issues ?? [{ field: "*", message: error.message }];
    report.errors = issues.map((issue) => ({
      line: issue.line ?? 0,
      column: issue.column ?? issue.field,
      value: issue.value,
      message: issue.message,
    }));
  }
  await finishBatch(ctx.db, batchId, {
    status: report.status,
    rows: report.rows,
    created: report.created,
    unchanged: report.unchanged,
    errorCount: report.errors.length,
    errors: report.errors,
    details: report.details,
    finishedAt: ctx.clock.now(),
  });
  return report;
}
