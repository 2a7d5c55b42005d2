import type { Command } from "commander";
import { z } from "zod";
import { listCompanies } from "../domain/companies/list-companies";
import type { AppContext } from "../domain/context";
import type { RunResult } from "../domain/dunning/dunning.schemas";
import { runDunning } from "../domain/dunning/run-dunning";
import { SYSTEM_ACTOR } from "../domain/users/users.types";
import { validationError } from "../shared/errors";
import { IsoDateSchema } from "../shared/schemas";
import { type GlobalOptions, outputOf, withRuntime } from "./context";
import { printResult, table } from "./output";
import { parseInput } from "./parse-input";

const RunFlags = z.object({
  date: IsoDateSchema.optional(),
  company: z.string().trim().min(1).optional(),
  dryRun: z.boolean().default(false),
  days: z.coerce.number().int().min(1).max(92).optional(),
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

/** The JSON of the command-line contract: every action of every day, flattened, with its date. */
function contractJson(result: RunResult) {
  const actions = result.days.flatMap((day) =>
    day.actions.map((a) => ({
      id: a.id,
      date: day.date,
      company: day.companyId,
      customerRef: a.customer.externalRef,
      customerName: a.customer.name,
      invoiceNumbers: a.invoiceNumbers,
      scenario: a.scenario,
      step: a.step,
      type: a.type,
      channel: a.channel,
      recipient: a.recipient,
      amount: a.amount,
      currency: a.currency,
      reason: a.reason,
      status: a.status,
    })),
  );
  const days = result.days.map((d) => ({
    date: d.date,
    company: d.companyId,
    skipped: d.skipped,
    actions: d.actions.length,
    deferred: d.deferred.map((g) => ({
      customerRef: g.customer.externalRef,
      step: g.step,
      reason: g.reason,
    })),
    cancelled: d.cancelled,
  }));
  return { date: result.date, dryRun: result.dryRun, actions, days };
}

function humanOutput(result: RunResult): string {
  const json = contractJson(result);
  const header = result.dryRun
    ? `Dry run from ${result.date} (nothing written)`
    : `Dunning run for ${result.date}: ${json.actions.length} action(s) planned`;
  const skipped = json.days.filter((d) => d.skipped).map((d) => `${d.date}: ${d.skipped}`);
  const deferred = json.days.flatMap((d) =>
    d.deferred.map((g) => `${d.date} ${g.customerRef} ${g.step}: ${g.reason}`),
  );
  const rows = json.actions.map((a) => ({
    date: a.date,
    customer: a.customerRef,
    step: a.step,
    type: a.type,
    recipient: a.recipient ?? "",
    status: a.status,
    reason: a.reason,
  }));
  return [
    header,
    table(rows),
    ...(skipped.length ? ["", "No customer message on:", ...skipped] : []),
    ...(deferred.length ? ["", "Put off (contact pressure):", ...deferred] : []),
  ].join("\n");
}

export function registerRun(program: Command, run: (action: () => Promise<void>) => Promise<void>): void {
  program
    .command("run")
    .description("Plan the dunning actions due on a date (idempotent), or simulate the coming days")
    .option("--date <date>", "as-of date, YYYY-MM-DD (default: today in each company's time zone)")
    .option("--company <code>", "one company (default: all)")
    .option("--dry-run", "write nothing; show what would be planned and why")
    .option("--days <n>", "with --dry-run: simulate N consecutive days")
    .action((flags: Record<string, string | boolean | undefined>) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const input = parseInput(RunFlags, flags);
        if (input.days !== undefined && input.days > 1 && !input.dryRun) {
          throw validationError("--days simulates the coming days: use it with --dry-run", [
            { field: "--days", value: input.days, message: "needs --dry-run" },
          ]);
        }
        const result = await withRuntime(globals, async (ctx) =>
          runDunning(ctx, SYSTEM_ACTOR, {
            companyId: await companyIdOf(ctx, input.company),
            date: input.date,
            dryRun: input.dryRun,
            days: input.days,
            trigger: "cli",
          }),
        );
        printResult(outputOf(globals), contractJson(result), () => humanOutput(result));
      }),
    );
}
