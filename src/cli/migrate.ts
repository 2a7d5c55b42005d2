import type { Command } from "commander";
import { type GlobalOptions, outputOf, withRuntime } from "./context";
import { printResult } from "./output";

export function registerMigrate(program: Command, run: (action: () => Promise<void>) => Promise<void>): void {
  program
    .command("migrate")
    .description("Create the database if needed and apply pending migrations")
    .action(() =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const result = await withRuntime(globals, async (_ctx, runtime) => ({
          applied: runtime.migrationsApplied,
          database: runtime.location,
        }));
        printResult(outputOf(globals), result, () =>
          result.applied === 0
            ? `Database ${result.database} is up to date.`
            : `Applied ${result.applied} migration(s) to ${result.database}.`,
        );
      }),
    );
}
