import type { Command } from "commander";
import { z } from "zod";
import { listCompanies } from "../domain/companies/list-companies";
import type { AppContext } from "../domain/context";
import { computeKpis } from "../domain/kpis/compute-kpis";
import type { KpiReport } from "../domain/kpis/kpis.schemas";
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

function datesOf(from: IsoDate | undefined, date: IsoDate): IsoDate[] {
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
  return Array.from({ length: span + 1 }, (_, i) => addDays(from ?? date, i));
}

function humanOutput(reports: KpiReport[]): string {
  if (reports.length === 0) return "No invoices in this scope yet.";
  const rows = reports.map((k) => ({
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
 * `encours kpi`: the KPIs as of a date, rebuilt from the ledger's history. JSON: one object when the
 * scope has one currency, an array of objects (one per currency) when it has several; with --from, always
 * an array, one object per date and currency, oldest first.
 */
export function registerKpi(program: Command, run: (action: () => Promise<void>) => Promise<void>): void {
  program
    .command("kpi")
    .description("Compute the KPIs (DSO, CEI, aging…) as of a date, or for every day of a range")
    .requiredOption("--date <date>", "as-of date, YYYY-MM-DD")
    .option("--from <date>", "first date of a daily series ending on --date")
    .option("--company <code>", "one company (default: all, per currency)")
    .action((flags: Record<string, string | undefined>) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const input = parseInput(KpiFlags, flags);
        const dates = datesOf(input.from, input.date);
        const reports = await withRuntime(globals, async (ctx) => {
          const companyId = await companyIdOf(ctx, input.company);
          const all: KpiReport[] = [];
          for (const date of dates) {
            all.push(...(await computeKpis(ctx, SYSTEM_ACTOR, { companyId, date })).items);
          }
          return all;
        });
        const json = input.from === undefined && reports.length === 1 ? reports[0] : reports;
        printResult(outputOf(globals), json, () => humanOutput(reports));
      }),
    );
}
