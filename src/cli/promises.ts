import type { Command } from "commander";
import { z } from "zod";
import { listCompanies } from "../domain/companies/list-companies";
import { checkPromises } from "../domain/workbench/check-promises";
import type { PromiseCheckItem } from "../domain/workbench/workbench.schemas";
import { validationError } from "../shared/errors";
import { IsoDateSchema } from "../shared/schemas";
import { type GlobalOptions, outputOf, withRuntime } from "./context";
import { printResult, table } from "./output";
import { parseInput } from "./parse-input";

const CheckFlags = z.object({
  date: IsoDateSchema.optional(),
  company: z.string().trim().min(1).optional(),
});

function contractJson(date: string | null, items: PromiseCheckItem[]) {
  const count = (status: PromiseCheckItem["status"]) => items.filter((i) => i.status === status).length;
  return {
    date,
    checked: items.length,
    kept: count("kept"),
    partlyKept: count("partly_kept"),
    broken: count("broken"),
    promises: items.map((i) => ({
      id: i.promiseId,
      company: i.companyId,
      customerRef: i.customerRef,
      status: i.status,
      amount: i.amount,
      paid: i.paid,
      currency: i.currency,
      promisedDate: i.promisedDate,
      deadline: i.deadline,
      asOf: i.asOf,
      taskId: i.taskId,
    })),
  };
}

function humanOutput(json: ReturnType<typeof contractJson>): string {
  const header = `Promises to pay checked${json.date ? ` as of ${json.date}` : ""}: ${json.checked} (kept ${json.kept}, partly kept ${json.partlyKept}, broken ${json.broken})`;
  const rows = json.promises.map((p) => ({
    customer: p.customerRef,
    promised: `${p.amount} ${p.currency}`,
    by: p.promisedDate,
    paid: p.paid,
    status: p.status,
    task: p.taskId ?? "",
  }));
  return json.checked === 0 ? header : [header, table(rows)].join("\n");
}

/** `encours promises check`: the daily check of promises to pay past their date + grace days. */
export function registerPromises(
  program: Command,
  run: (action: () => Promise<void>) => Promise<void>,
): void {
  const promises = program.command("promises").description("Promises to pay");
  promises
    .command("check")
    .description(
      "Mark open promises past their date + grace days kept, partly kept or broken (a call task and an alert for those not kept)",
    )
    .option("--date <date>", "as-of date, YYYY-MM-DD (default: today in each company's time zone)")
    .option("--company <code>", "one company (default: all)")
    .action((flags: Record<string, string | undefined>) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const input = parseInput(CheckFlags, flags);
        const items = await withRuntime(globals, async (ctx) => {
          let companyId: number | undefined;
          if (input.company !== undefined) {
            const { items: companies } = await listCompanies(ctx);
            companyId = companies.find((c) => c.code === input.company)?.id;
            if (companyId === undefined) {
              throw validationError(`No company ${input.company}`, [
                { field: "--company", value: input.company, message: "is not a company of this Encours" },
              ]);
            }
          }
          return checkPromises(ctx, input.date, { companyId });
        });
        const json = contractJson(input.date ?? null, items);
        printResult(outputOf(globals), json, () => humanOutput(json));
      }),
    );
}
