import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { z } from "zod";
import { listLetters } from "../domain/communications/list-letters";
import { buildPrintBatch } from "../domain/communications/print-batch";
import { listCompanies } from "../domain/companies/list-companies";
import type { AppContext } from "../domain/context";
import { validationError } from "../shared/errors";
import { IsoDateSchema } from "../shared/schemas";
import { type GlobalOptions, outputOf, withRuntime } from "./context";
import { printResult, table } from "./output";
import { parseInput } from "./parse-input";

const LettersFlags = z.object({
  date: IsoDateSchema,
  company: z.string().trim().min(1).optional(),
  out: z.string().trim().min(1).optional(),
  duplex: z.boolean().default(false),
});

async function companyIdOf(ctx: AppContext, code: string | undefined): Promise<number | undefined> {
  if (code === undefined) return undefined;
  const { items } = await listCompanies(ctx);
  const found = items.find((c) => c.code === code);
  if (found) return found.id;
  throw validationError(`No company ${code}`, [
    { field: "--company", value: code, message: "is not a company of this Encours" },
  ]);
}

/**
 * `encours letters --date D [--company CODE] [--out batch.pdf] [--duplex]`: lists the letters produced
 * on a day and, with --out, writes the day's print batch (every letter not sent through a postal
 * provider) as one PDF. JSON: `{ date, letters, toPrint, pages, out, items: [...] }`.
 */
export function registerLetters(program: Command, run: (action: () => Promise<void>) => Promise<void>): void {
  program
    .command("letters")
    .description("List a day's letters (PDF) and write its print batch as one PDF")
    .requiredOption("--date <date>", "the day the letters were produced, YYYY-MM-DD")
    .option("--company <code>", "one company (default: every company)")
    .option("--out <file>", "write the print batch (one PDF) to this file")
    .option("--duplex", "add a blank back page after letters with an odd page count")
    .action((flags: Record<string, string | boolean | undefined>) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const input = parseInput(LettersFlags, flags);
        const result = await withRuntime(globals, async (ctx) => {
          const companyId = await companyIdOf(ctx, input.company);
          const query = { date: input.date, ...(companyId === undefined ? {} : { companyId }) };
          const list = await listLetters(ctx, query);
          let pages = list.pagesToPrint;
          let out: string | null = null;
          if (input.out !== undefined && list.toPrint > 0) {
            const batch = await buildPrintBatch(ctx, { ...query, duplex: input.duplex });
            if (batch.pdf) {
              await writeFile(input.out, batch.pdf);
              out = input.out;
              pages = batch.pages;
            }
          }
          return { list, pages, out };
        });
        const json = {
          date: input.date,
          letters: result.list.items.length,
          toPrint: result.list.toPrint,
          pages: result.pages,
          out: result.out,
          items: result.list.items.map((l) => ({
            id: l.id,
            customer: l.customer.name,
            kind: l.kind,
            language: l.language,
            pages: l.pages,
            registered: l.isRegistered,
            postalReference: l.postalReference,
            fileName: l.fileName,
          })),
        };
        printResult(outputOf(globals), json, () => {
          if (json.letters === 0) return `No letter on ${input.date}.`;
          const rows = json.items.map((l) => ({
            customer: l.customer,
            kind: l.kind,
            pages: l.pages,
            registered: l.registered ? "yes" : "",
            posted: l.postalReference ?? "print batch",
          }));
          const written = result.out ? `\nPrint batch written to ${result.out} (${json.pages} pages).` : "";
          return `${table(rows)}\n${json.toPrint} letter(s) to print, ${json.pages} page(s).${written}`;
        });
      }),
    );
}
