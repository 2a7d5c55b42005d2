import type { Command } from "commander";
import { computeDueDate } from "../domain/legal/due-date";
import { DueDateInput, type DueDateResult } from "../domain/legal/legal.schemas";
import { isDomainError, validationError } from "../shared/errors";
import { type GlobalOptions, outputOf } from "./context";
import { printResult } from "./output";
import { parseInput } from "./parse-input";

/** Pure computation: no database is opened, so it runs anywhere a scheduler or a test needs it. */
export function registerDueDate(program: Command, run: (action: () => Promise<void>) => Promise<void>): void {
  program
    .command("due-date")
    .description("Compute an invoice's due date from its payment terms")
    .requiredOption("--invoice-date <date>", "invoice date, YYYY-MM-DD")
    .requiredOption(
      "--terms <terms>",
      'payment terms, e.g. "45 jours fin de mois", "net 30", "30 Tage netto"',
    )
    .option("--reading <reading>", '"N jours fin de mois": A = EOM(D + N) (default) or B = EOM(D) + N')
    .action((flags: Record<string, string | undefined>) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const input = parseInput(DueDateInput, {
          invoiceDate: flags.invoiceDate,
          terms: flags.terms,
          reading: flags.reading?.toUpperCase(),
        });
        const result: DueDateResult = { dueDate: dueDateNamingFlags(input) };
        printResult(outputOf(globals), result, () => result.dueDate);
      }),
    );
}

/** computeDueDate names its fields (terms); on the command line the person typed --terms. */
function dueDateNamingFlags(input: DueDateInput): string {
  try {
    return computeDueDate(input);
  } catch (error) {
    if (!isDomainError(error) || error.code !== "VALIDATION") throw error;
    const issues = (error.details.issues ?? []).map((issue) => ({
      ...issue,
      field: `--${issue.field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    }));
    throw validationError(error.message, issues);
  }
}
