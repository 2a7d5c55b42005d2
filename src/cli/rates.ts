import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import { importReferenceRates } from "../domain/legal/import-reference-rates";
import { RateSeries } from "../domain/legal/legal.schemas";
import { listReferenceRates } from "../domain/legal/list-reference-rates";
import { parseReferenceRatesCsv } from "../domain/legal/reference-rates-csv";
import { SYSTEM_ACTOR } from "../domain/users/users.types";
import { isDomainError, validationError } from "../shared/errors";
import { type GlobalOptions, outputOf, withRuntime } from "./context";
import { CliInputError, printResult, table } from "./output";
import { parseInput } from "./parse-input";

type Run = (action: () => Promise<void>) => Promise<void>;

const ListFlags = z.object({ series: RateSeries.optional() });

/** Errors of a rate file name the file too: `rates.csv:3 rate_percent="two": …`. */
function namingFile<T>(fileName: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!isDomainError(error) || error.code !== "VALIDATION") throw error;
    const issues = (error.details.issues ?? []).map((i) =>
      i.line === undefined ? i : { ...i, field: `${fileName}:${i.line} ${i.column}` },
    );
    throw validationError(`${fileName}: ${error.message}`, issues);
  }
}

function registerList(rates: Command, program: Command, run: Run): void {
  rates
    .command("list")
    .description("Show the reference-rate table (newest first in each series)")
    .option("--series <series>", RateSeries.options.join(" | "))
    .action((flags: { series?: string }) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const { series } = parseInput(ListFlags, { series: flags.series?.toUpperCase() });
        const result = await withRuntime(globals, (ctx) => listReferenceRates(ctx, series));
        printResult(outputOf(globals), result, () =>
          table(
            result.items.map((r) => ({
              series: r.series,
              effective_from: r.effectiveFrom,
              rate_percent: r.ratePercent,
              provisional: r.isProvisional ? "yes" : "",
              source: r.source,
              note: r.note ?? "",
            })),
          ),
        );
      }),
    );
}

function registerImport(rates: Command, program: Command, run: Run): void {
  rates
    .command("import")
    .description(
      "Add or correct reference rates from a CSV (series,effective_from,rate_percent,note); all or nothing",
    )
    .argument("<file>", "CSV file in the format of the shipped table")
    .action((file: string) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const info = await stat(file).catch(() => null);
        if (!info?.isFile()) throw new CliInputError(`${file}: no such file`);
        const csv = await readFile(file, "utf8");
        const fileName = path.basename(file);
        // Checked before the database is opened: a bad file fails fast and writes nothing.
        namingFile(fileName, () => parseReferenceRatesCsv(csv));
        const result = await withRuntime(globals, (ctx) =>
          importReferenceRates(ctx, SYSTEM_ACTOR, { csv, fileName }),
        );
        printResult(
          outputOf(globals),
          result,
          () =>
            `${fileName}: ${result.rows} rate(s): ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
        );
      }),
    );
}

/** `encours rates list|import`: the reference rates of the late-interest engine, without a release. */
export function registerRates(program: Command, run: Run): void {
  const rates = program
    .command("rates")
    .description("Reference rates of the late-interest engine (ECB, BoE, …)");
  registerList(rates, program, run);
  registerImport(rates, program, run);
}
