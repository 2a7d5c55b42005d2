import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { z } from "zod";
import { listCompanies } from "../domain/companies/list-companies";
import type { AppContext } from "../domain/context";
import { CUSTOMER_EXPORT_COLUMNS, exportCustomers } from "../domain/customers/export-customers";
import { ACTION_EXPORT_COLUMNS, exportActions } from "../domain/dunning/export-actions";
import { MonthlyReportQuery } from "../domain/kpis/dashboard.schemas";
import { getMonthlyReport } from "../domain/kpis/get-monthly-report";
import { type Cell, toCsv, toXlsx } from "../domain/kpis/spreadsheet";
import {
  exportInvoices,
  exportPayments,
  INVOICE_EXPORT_COLUMNS,
  PAYMENT_EXPORT_COLUMNS,
} from "../domain/ledger/export-ledger";
import { listUsers } from "../domain/users/list-users";
import { SYSTEM_ACTOR } from "../domain/users/users.types";
import { exportTasks, TASK_EXPORT_COLUMNS } from "../domain/workbench/export-tasks";
import { validationError } from "../shared/errors";
import { type GlobalOptions, withRuntime } from "./context";
import { parseInput } from "./parse-input";

type Row = Record<string, string | boolean | null>;
type Entity = {
  columns: readonly string[];
  amounts: readonly string[];
  load(ctx: AppContext, companyId?: number): Promise<Row[]>;
};

/** What each entity exports, through its own module's use case. */
const ENTITIES: Record<string, Entity> = {
  customers: {
    columns: CUSTOMER_EXPORT_COLUMNS,
    amounts: ["credit_limit", "balance"],
    load: (ctx, companyId) => exportCustomers(ctx, { companyId }),
  },
  invoices: {
    columns: INVOICE_EXPORT_COLUMNS,
    amounts: ["amount", "open_amount"],
    load: (ctx, companyId) => exportInvoices(ctx, { companyId }),
  },
  payments: {
    columns: PAYMENT_EXPORT_COLUMNS,
    amounts: ["amount"],
    load: (ctx, companyId) => exportPayments(ctx, { companyId }),
  },
  actions: {
    columns: ACTION_EXPORT_COLUMNS,
    amounts: ["amount"],
    load: (ctx, companyId) => exportActions(ctx, { companyId }),
  },
  tasks: {
    columns: TASK_EXPORT_COLUMNS,
    amounts: [],
    load: (ctx, companyId) => exportTasks(ctx, { companyId }),
  },
};

const ExportFlags = z.object({
  entity: z.enum(["customers", "invoices", "payments", "actions", "tasks"]),
  company: z.string().trim().min(1).optional(),
  format: z.enum(["csv", "json", "xlsx"]).default("csv"),
  output: z.string().min(1).optional(),
});

async function companyIdOf(ctx: AppContext, code: string | undefined): Promise<number | undefined> {
  if (code === undefined) return undefined;
  const { items } = await listCompanies(ctx);
  const found = items.find((c) => c.code === code);
  if (found) return found.id;
  throw validationError(
    `No company ${code}; companies: ${items.map((c) => c.code).join(", ") || "none yet"}`,
    [{ field: "--company", value: code, message: "is not a company of this Encours" }],
  );
}

const ReportFlags = z.object({
  month: z.string({ error: "is required: the month of the report, YYYY-MM" }),
  company: z.string().trim().min(1).optional(),
  currency: z.string().trim().min(1).optional(),
  segment: z.string().trim().min(1).optional(),
  collector: z.string().trim().min(1).optional(),
  lang: z.enum(["fr", "en"]).optional(),
  output: z.string({ error: "is required: the PDF file to write" }).min(1),
});

/** `--collector`: a collector's email, or `none` for the customers without one. */
async function collectorIdOf(ctx: AppContext, email: string | undefined): Promise<number | undefined> {
  if (email === undefined) return undefined;
  if (email === "none") return 0;
  const { items } = await listUsers(ctx, {});
  const found = items.find((u) => u.email.toLowerCase() === email.toLowerCase());
  if (found) return found.id;
  throw validationError(`No user ${email}`, [
    { field: "--collector", value: email, message: "is not the email of a user (or none)" },
  ]);
}

/**
 * `encours export kpi-report --month YYYY-MM --output FILE.pdf`: the monthly KPI report of a company
 * (the first one unless --company), read from the stored snapshots like `GET /api/kpis/report.pdf`.
 */
async function exportReport(
  globals: GlobalOptions,
  flags: Record<string, string | undefined>,
): Promise<void> {
  const input = parseInput(ReportFlags, flags);
  const body = await withRuntime(globals, async (ctx) => {
    const query = parseInput(MonthlyReportQuery, {
      month: input.month,
      companyId: await companyIdOf(ctx, input.company),
      currency: input.currency,
      segment: input.segment,
      collectorId: await collectorIdOf(ctx, input.collector),
      lang: input.lang,
    });
    return (await getMonthlyReport(ctx, SYSTEM_ACTOR, query)).body;
  });
  writeFileSync(input.output, body);
}

function cellsOf(entity: Entity, row: Row): Cell[] {
  return entity.columns.map((column) => {
    const value = row[column] ?? null;
    if (value === null) return null;
    if (typeof value === "boolean") return value ? "true" : "false";
    return entity.amounts.includes(column) ? { amount: value } : value;
  });
}

/**
 * `encours export <entity>`: the native CSV columns (plus status and the computed amounts) as CSV,
 * JSON or XLSX, on stdout or into --output. Text that a spreadsheet would run as a formula is
 * neutralised in CSV and XLSX; amounts stay exact decimals (numbers in XLSX).
 */
export function registerExport(program: Command, run: (action: () => Promise<void>) => Promise<void>): void {
  program
    .command("export")
    .description(
      "Export customers, invoices, payments, dunning actions or tasks (CSV, JSON or XLSX), or the monthly KPI report (PDF)",
    )
    .argument("<entity>", "customers | invoices | payments | actions | tasks | kpi-report")
    .option("--company <code>", "one company (default: all; kpi-report: the first one)")
    .option("--format <format>", "csv | json | xlsx (default csv; --json means json)")
    .option(
      "--output <file>",
      "write to this file instead of stdout (XLSX: required on a terminal; PDF: required)",
    )
    .option("--month <YYYY-MM>", "kpi-report: the month (its last snapshot is shown)")
    .option("--currency <code>", "kpi-report: the currency (default: the company's)")
    .option("--segment <name>", "kpi-report: one segment (- for the customers without one)")
    .option("--collector <email>", "kpi-report: one collector's portfolio (none: customers without one)")
    .option("--lang <fr|en>", "kpi-report: the report's language (default fr)")
    .action((entityName: string, flags: Record<string, string | undefined>) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        if (entityName === "kpi-report") {
          await exportReport(globals, flags);
          return;
        }
        const { month, currency, segment, collector, lang, ...listFlags } = flags;
        const reportOnly = Object.entries({ month, currency, segment, collector, lang }).find(
          ([, v]) => v !== undefined,
        );
        if (reportOnly) {
          throw validationError(`--${reportOnly[0]} is for kpi-report only`, [
            { field: `--${reportOnly[0]}`, value: reportOnly[1], message: `does not apply to ${entityName}` },
          ]);
        }
        if (!Object.hasOwn(ENTITIES, entityName)) {
          throw validationError(`Nothing to export named "${entityName}"`, [
            {
              field: "entity",
              value: entityName,
              message: `must be one of ${[...Object.keys(ENTITIES), "kpi-report"].join(", ")}`,
            },
          ]);
        }
        const input = parseInput(ExportFlags, {
          entity: entityName,
          ...listFlags,
          format: globals.json ? "json" : flags.format,
        });
        const entity = ENTITIES[input.entity]!;
        const rows = await withRuntime(globals, async (ctx) =>
          entity.load(ctx, await companyIdOf(ctx, input.company)),
        );
        let body: string | Buffer;
        if (input.format === "json") {
          body = `${JSON.stringify(
            rows.map((row) => Object.fromEntries(entity.columns.map((c) => [c, row[c] ?? null]))),
            null,
            2,
          )}\n`;
        } else {
          const sheet = {
            name: input.entity,
            headers: [...entity.columns],
            rows: rows.map((row) => cellsOf(entity, row)),
          };
          body = input.format === "csv" ? toCsv(sheet, ",").replace(/^\uFEFF/, "") : await toXlsx(sheet);
        }
        if (input.output) writeFileSync(input.output, body);
        else if (typeof body !== "string" && process.stdout.isTTY) {
          throw validationError("XLSX is binary: name a file with --output", [
            { field: "--output", value: undefined, message: "is required for --format xlsx on a terminal" },
          ]);
        } else process.stdout.write(body);
      }),
    );
}
