import type { Command } from "commander";
import { isDatabaseEmpty, loadDemoData } from "../demo/load-demo-data";
import { DomainError } from "../shared/errors";
import { type GlobalOptions, outputOf, withRuntime } from "./context";
import { CliInputError, printResult } from "./output";

type DemoFlags = { customers: string; seed: string };

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new CliInputError(`--${name} must be a positive whole number, got "${value}"`);
  return n;
}

export function registerDemo(program: Command, run: (action: () => Promise<void>) => Promise<void>): void {
  program
    .command("demo")
    .description("Load deterministic demo data into an empty database")
    .option("--customers <n>", "number of customers (about 10 invoices each)", "300")
    .option("--seed <n>", "random seed: the same seed gives the same data", "1")
    .action((flags: DemoFlags) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const customers = positiveInt("customers", flags.customers);
        const seed = positiveInt("seed", flags.seed);
        const summary = await withRuntime(globals, async (ctx, runtime) => {
          if (!(await isDatabaseEmpty(ctx.db))) {
            throw new DomainError(
              "INVALID_STATE",
              `The database ${runtime.location} already holds data: demo data is loaded only into an empty database.`,
            );
          }
          const onProgress = (done: number, total: number) => {
            if (!globals.json && process.stderr.isTTY) process.stderr.write(`\r${done}/${total} customers`);
          };
          return loadDemoData(ctx.db, { customers, seed, clock: ctx.clock, onProgress });
        });
        if (!globals.json && process.stderr.isTTY) process.stderr.write("\n");
        printResult(outputOf(globals), summary, () =>
          [
            `Demo data loaded in ${summary.seconds.toFixed(1)} s: ${summary.companies} companies, ${summary.customers} customers,`,
            `${summary.invoices} invoices, ${summary.payments} payments, ${summary.users} users.`,
            ...summary.demoLogins.map((l) => `  ${l.role.padEnd(15)} ${l.email} / ${l.password}`),
          ].join("\n"),
        );
      }),
    );
}
