import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { importFile } from "../domain/imports/import-file";
import { ImportKindSchema } from "../domain/imports/imports.schemas";
import { SYSTEM_ACTOR } from "../domain/users/users.types";
import { type GlobalOptions, outputOf, withRuntime } from "./context";
import { CliInputError, EXIT_INVALID_INPUT, printResult, table } from "./output";

type ImportFlags = { company?: string; mapping?: string; snapshot?: boolean; dryRun?: boolean };

/** Reading the file once to hash it lets an unchanged extract be skipped without parsing it. */
async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }))
    hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export function registerImport(program: Command, run: (action: () => Promise<void>) => Promise<void>): void {
  program
    .command("import")
    .description(
      "Import customers, contacts, invoices, payments, a FEC, e-invoices or bank statements (all or nothing per file)",
    )
    .argument("<kind>", "customers | contacts | invoices | payments | fec | einvoice | bank")
    .argument("<files...>", "files to import, each in its own batch")
    .option("--company <code>", "company to import into (required when there are several)")
    .option("--mapping <name>", "saved column mapping (made on the Imports page) for a CSV or XLSX file")
    .option("--snapshot", "invoices: the file is the complete list of open items; absent ones are closed")
    .option("--dry-run", "show what would be created, updated and closed, write nothing")
    .action((kindText: string, files: string[], flags: ImportFlags) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const kind = ImportKindSchema.safeParse(kindText);
        if (!kind.success)
          throw new CliInputError(
            `Unknown import kind "${kindText}": use ${ImportKindSchema.options.join(", ")}`,
          );
        for (const file of files) {
          const info = await stat(file).catch(() => null);
          if (!info?.isFile()) throw new CliInputError(`${file}: no such file`);
        }
        const showProgress = !globals.json && process.stderr.isTTY;
        const reports = await withRuntime(globals, async (ctx) => {
          const done = [];
          for (const file of files) {
            const report = await importFile(ctx, SYSTEM_ACTOR, {
              kind: kind.data,
              company: flags.company ? { code: flags.company } : {},
              fileName: path.basename(file),
              open: () => createReadStream(file),
              readAll: () => readFile(file),
              snapshot: flags.snapshot === true,
              dryRun: flags.dryRun === true,
              mapping: flags.mapping ? { name: flags.mapping } : undefined,
              fileHash: await sha256File(file),
              onProgress: showProgress
                ? (rows) => process.stderr.write(`\r${path.basename(file)}: ${rows} rows read`)
                : undefined,
            });
            if (showProgress) process.stderr.write("\n");
            done.push(report);
          }
          return done;
        });
        printResult(outputOf(globals), reports.length === 1 ? reports[0] : reports, () =>
          [
            table(
              reports.map((r) => ({
                file: r.fileName,
                status: r.status,
                rows: r.rows,
                created: r.created,
                updated: r.updated,
                unchanged: r.unchanged,
                closed: r.closed,
                errors: r.errors.length,
              })),
            ),
            ...reports.flatMap((r) =>
              r.errors
                .slice(0, 50)
                .map(
                  (e) =>
                    `${r.fileName}:${e.line} ${e.column}${e.value === undefined ? "" : `=${JSON.stringify(e.value)}`}: ${e.message}`,
                ),
            ),
          ].join("\n"),
        );
        for (const r of reports) {
          if (r.status === "failed") {
            process.stderr.write(
              `encours: ${r.fileName} was not imported (${r.errors.length} error(s)); nothing was written\n`,
            );
            process.exitCode = EXIT_INVALID_INPUT;
          }
        }
      }),
    );
}
