import type { Command } from "commander";
import { listCompanies } from "../domain/companies/list-companies";
import { runMatching } from "../domain/matching/run-matching";
import { validationError } from "../shared/errors";
import { type GlobalOptions, outputOf, withRuntime } from "./context";
import { printResult } from "./output";

/**
 * `encours match [--company CODE] [--json]`: matches every bank line waiting (returned direct debits
 * first), applies the confident matches and leaves ranked suggestions for the others. Prints
 * `{ lines, matched, suggested, unmatched, unapplied, returned }`.
 */
export function registerMatch(program: Command, run: (action: () => Promise<void>) => Promise<void>): void {
  program
    .command("match")
    .description("Match the bank lines waiting to open items (see docs/matching.md)")
    .option("--company <code>", "one company (default: all)")
    .action((flags: { company?: string }) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const result = await withRuntime(globals, async (ctx) => {
          let companyId: number | undefined;
          if (flags.company !== undefined) {
            const { items } = await listCompanies(ctx);
            const found = items.find((c) => c.code === flags.company);
            if (!found) {
              throw validationError(
                `No company ${flags.company}; companies: ${items.map((c) => c.code).join(", ") || "none yet"}`,
                [{ field: "--company", value: flags.company, message: "is not a company of this Encours" }],
              );
            }
            companyId = found.id;
          }
          return runMatching(ctx, companyId === undefined ? {} : { companyId });
        });
        printResult(
          outputOf(globals),
          result,
          () =>
            `${result.lines} lines: ${result.matched} matched, ${result.suggested} suggested, ${result.unapplied} kept as unapplied cash, ` +
            `${result.unmatched} unmatched; ${result.returned} returned direct debits`,
        );
      }),
    );
}
