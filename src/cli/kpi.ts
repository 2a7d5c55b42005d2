import type { Command } from "commander";
import { z } from "zod";
import { listCompanies } from "../domain/companies/list-companies";
import type { AppContext } from "../domain/context";
import { backfillDates } from "../domain/kpis/backfill-kpi-snapshots";
import type { KpiReport } from "../domain/kpis/kpis.schemas";
import { takeKpiSnapshot } from "../domain/kpis/take-kpi-snapshot";
import { SYSTEM_ACTOR } from "../domain/users/users.types";
import { addDays, daysBetween, type IsoDate } from "../shared/dates";
import { validationError } from "../shared/errors";
import { IsoDateSchema } from "../shared/schemas";
import { type GlobalOptions, outputOf, withRuntime } from "./context";
import { printResult, table } from "./output";
import { parseInput } from "./parse-input";

/** Two years of daily figures at most in one call. */
const MAX_DAYS = 731;

const KpiFlags = z.object({
  date: IsoDateSchema,
  from: IsoDateSchema.optional(),
  company: z.string().trim().min(1).optional(),
  recompute: z.boolean().default(false),
  monthly: z.boolean().default(false),
});

type CompanyReport = KpiReport & { company: string };

async function companiesOf(
  ctx: AppContext,
  code: string | undefined,
): Promise<{ id: number; code: string }[]> {
  const { items } = await listCompanies(ctx);
  if (code === undefined) return items;
  const found = items.find((c) => c.code === code);
  if (found) return [found];
  throw validationError(
    `No company ${code}; companies: ${items.map((c) => c.code).join(", ") || "none yet"}`,
    [{ field: "--company", value: code, message: "is not a company of this Encours" }],
  );
}

function datesOf(from: IsoDate | undefined, date: IsoDate, monthly: boolean): IsoDate[] {
  const span = from === undefined ? 0 : daysBetween(from, date);
  if (span < 0) {
    throw validationError("--from must not be after --date", [
      { field: "--from", value: from, message: `is after --date ${date}` },
    ]);
  }
  if (span >= MAX_DAYS) {
    throw validationError(`At most ${MAX_DAYS} days at once`, [
      { field: "--from", value: from, message: `gives ${span + 1} days` },
    ]);
  }
  if (monthly && from !== undefined) return backfillDates(from, date, "monthly");
  return Array.from({ length: span + 1 }, (_, i) => addDays(from ?? date, i));
}

function humanOutput(reports: CompanyReport[]): string {
  if (reports.length === 0) return "No company yet.";
  const rows = reports.map((k) => ({
    company: k.company,
    date: k.date,
    currency: k.currency,
    receivables: k.receivables,
    "DSO countback": k.dsoCountback,
    "DSO simple": k.dsoSimple,
    "BPDSO cb": k.bpdsoCountback,
    "ADD cb": k.addCountback,
    CEI: k.cei,
    "overdue %": k.overdueRatio,
    "avg delay": k.avgPaymentDelay,
    cash: k.cashCollected,
  }));
  return table(rows);
}

/**
 * `encours kpi`: takes and stores the KPI snapshot of each company (or of --company) for --date, or for
 * every day from --from to --date (--monthly: month ends plus the last 60 days), and prints the
 * company-wide figures, rebuilt from the ledger's history known on each date. A snapshot already taken is
 * printed as stored; --recompute replaces it (logged in the audit log). JSON: one object when there is
 * one company, currency and date; otherwise an array, one object per date, company and currency.
 */
export function registerKpi(program: Command, run: (action: () => Promise<void>) => Promise<void>): void {
  program
    .command("kpi")
    .description("Take (or read) the KPI snapshots (DSO, CEI, aging…) of a date or of a range of dates")
    .requiredOption("--date <date>", "as-of date, YYYY-MM-DD")
    .option("--from <date>", "first date of a daily series ending on --date")
    .option("--company <code>", "one company (default: every company)")
    .option("--monthly", "with --from: month ends, plus every day of the last 60 days")
    .option("--recompute", "replace snapshots already taken (logged in the audit log)")
    .action((flags: Record<string, string | boolean | undefined>) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const input = parseInput(KpiFlags, flags);
        const dates = datesOf(input.from, input.date, input.monthly);
        const reports = await withRuntime(globals, async (ctx) => {
          const all: CompanyReport[] = [];
          for (const company of await companiesOf(ctx, input.company)) {
            for (const date of dates) {
              const taken = await takeKpiSnapshot(ctx, SYSTEM_ACTOR, {
                companyId: company.id,
                date,
                recompute: input.recompute,
                source: "cli",
              });
              all.push(...taken.items.map((k) => ({ ...k, company: company.code })));
            }
          }
          return all.sort((a, b) => a.date.localeCompare(b.date));
        });
        const json = input.from === undefined && reports.length === 1 ? reports[0] : reports;
        printResult(outputOf(globals), json, () => humanOutput(reports));
      }),
    );
}
