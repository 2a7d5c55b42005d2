import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { parseBounceReport } from "../domain/communications/bounce-report.rules";
import { bounceInputOf, recordBounce } from "../domain/communications/record-bounce";
import { isDomainError } from "../shared/errors";
import { type GlobalOptions, outputOf, withRuntime } from "./context";
import { CliInputError, printResult, table } from "./output";

type BounceLine = { file: string; outboxId: number | null; outcome: string; error?: string };

/**
 * `encours bounces <file.eml>... [--json]`: reads bounce emails saved from the sender's mailbox and
 * records them (a permanent failure makes the message `bounced`, on the customer's timeline). Each
 * file is reported; the exit code is 1 when one of them could not be used.
 */
export function registerBounces(program: Command, run: (action: () => Promise<void>) => Promise<void>): void {
  program
    .command("bounces")
    .description(
      "Record bounce emails (.eml files saved from the sender's mailbox) against the messages sent",
    )
    .argument("<files...>", "bounce emails, as saved by the mail client (.eml)")
    .action((files: string[]) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const texts = await Promise.all(
          files.map(async (file) => {
            const text = await readFile(file, "utf8").catch(() => null);
            if (text === null) throw new CliInputError(`${file}: no such file`);
            return { file, text };
          }),
        );
        const lines = await withRuntime(globals, async (ctx) => {
          const done: BounceLine[] = [];
          for (const { file, text } of texts) {
            const name = path.basename(file);
            const report = parseBounceReport(text);
            if (!report) {
              done.push({ file: name, outboxId: null, outcome: "unreadable", error: "not a bounce report" });
              continue;
            }
            try {
              done.push({ file: name, ...(await recordBounce(ctx, bounceInputOf(report))) });
            } catch (error) {
              if (!isDomainError(error)) throw error;
              done.push({ file: name, outboxId: report.outboxId, outcome: "error", error: error.message });
            }
          }
          return done;
        });
        printResult(outputOf(globals), lines, () => table(lines));
        if (lines.some((line) => line.error !== undefined)) process.exitCode = 1;
      }),
    );
}
