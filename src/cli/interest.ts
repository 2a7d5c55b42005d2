import type { Command } from "commander";
import { computeInterestOf } from "../domain/legal/compute-interest";
import { toInterestCase } from "../domain/legal/interest-case";
import { InterestInput, InterestPayment, type InterestResult } from "../domain/legal/legal.schemas";
import { type FieldIssue, isDomainError, validationError } from "../shared/errors";
import { type GlobalOptions, outputOf, withRuntime } from "./context";
import { printResult, table } from "./output";
import { parseInput } from "./parse-input";

type InterestFlags = {
  jurisdiction?: string;
  amount?: string;
  currency?: string;
  due?: string;
  until?: string;
  payment: string[];
  b2c?: boolean;
  rate?: string;
  allocation?: string;
  defaultFrom?: string;
};

/** The flag a person typed for each field of InterestInput. */
const FLAGS: Readonly<Record<string, string>> = {
  jurisdiction: "--jurisdiction",
  amount: "--amount",
  currency: "--currency",
  due: "--due",
  until: "--until",
  payments: "--payment",
  b2c: "--b2c",
  rate: "--rate",
  allocation: "--allocation",
  defaultFrom: "--default-from",
};

/** `--payment 2025-06-13:1200.00` → { date, amount }; the whole value is named when it is wrong. */
function parsePayments(values: string[]): InterestPayment[] {
  const issues: FieldIssue[] = [];
  const payments = values.flatMap((value) => {
    const [date = "", amount = ""] = value.split(":");
    const parsed = InterestPayment.safeParse({ date: date.trim(), amount: amount.trim() });
    if (parsed.success && value.split(":").length === 2) return [parsed.data];
    const reason = parsed.success ? "has more than one colon" : parsed.error.issues[0]?.message;
    issues.push({ field: "--payment", value, message: `must be YYYY-MM-DD:AMOUNT (${reason})` });
    return [];
  });
  if (issues.length > 0) throw validationError("Invalid options", issues);
  return payments;
}

/** The engine names its fields (defaultFrom, payments); on the command line the person typed flags. */
async function namingFlags<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isDomainError(error) || error.code !== "VALIDATION") throw error;
    const issues = (error.details.issues ?? []).map((i) => ({ ...i, field: FLAGS[i.field] ?? i.field }));
    throw validationError(error.message, issues);
  }
}

function humanOutput(result: InterestResult): string {
  const lines = [
    `Interest: ${result.interest} ${result.currency}`,
    `Fixed compensation: ${result.compensation} ${result.compensationCurrency}`,
    `Rate: ${result.rateRule}`,
    "",
    table(result.segments.map((s) => ({ ...s, ratePercent: s.ratePercent.toFixed(2) }))),
  ];
  if (result.interestPaid !== "0.00") lines.push("", `Paid towards interest: ${result.interestPaid}`);
  for (const flag of result.flags) lines.push(`! ${flag.code}: ${flag.message}`);
  return lines.join("\n");
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerInterest(
  program: Command,
  run: (action: () => Promise<void>) => Promise<void>,
): void {
  program
    .command("interest")
    .description(
      "Late-payment interest and fixed compensation of one invoice (FR, DE, UK, BE, ES, IT, NL, EU)",
    )
    .requiredOption("--jurisdiction <code>", "FR | DE | UK | BE | ES | IT | NL | EU")
    .requiredOption("--amount <amount>", "amount due including VAT, e.g. 1234.56")
    .requiredOption("--currency <code>", "ISO 4217 currency, e.g. EUR")
    .requiredOption("--due <date>", "due date, YYYY-MM-DD")
    .requiredOption("--until <date>", "last day of interest (the payment date, or today), YYYY-MM-DD")
    .option("--payment <date:amount>", "a payment, YYYY-MM-DD:AMOUNT (repeat for several)", collect, [])
    .option("--b2c", "the debtor is a consumer (FR: legal rate from the formal notice; DE: base rate + 5)")
    .option("--rate <percent>", "contractual annual rate in percent, instead of the statutory rate")
    .option("--allocation <policy>", "payments go to principal-first (default) or interest-first")
    .option("--default-from <date>", "start of default or date of the formal notice, YYYY-MM-DD")
    .action((flags: InterestFlags) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const input = parseInput(InterestInput, {
          jurisdiction: flags.jurisdiction?.toUpperCase(),
          amount: flags.amount,
          currency: flags.currency?.toUpperCase(),
          due: flags.due,
          until: flags.until,
          b2c: flags.b2c === true,
          rate: flags.rate,
          allocation: flags.allocation,
          defaultFrom: flags.defaultFrom,
        });
        input.payments = parsePayments(flags.payment);
        // Checked before the database is opened: bad input fails fast and creates nothing.
        await namingFlags(async () => toInterestCase(input));
        const result = await namingFlags(() => withRuntime(globals, (ctx) => computeInterestOf(ctx, input)));
        printResult(outputOf(globals), result, () => humanOutput(result));
      }),
    );
}
