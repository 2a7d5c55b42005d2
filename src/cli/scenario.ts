import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import type { AppContext } from "../domain/context";
import { ScenarioDocument } from "../domain/dunning/dunning.schemas";
import { listScenarioSummaries } from "../domain/dunning/get-scenario";
import { exportScenario, importScenario } from "../domain/dunning/save-scenario";
import { resolveCompany } from "../domain/imports/resolve-company";
import { SYSTEM_ACTOR } from "../domain/users/users.types";
import { validationError } from "../shared/errors";
import { type GlobalOptions, outputOf, withRuntime } from "./context";
import { CliInputError, printResult, table } from "./output";

type Run = (action: () => Promise<void>) => Promise<void>;

async function companyOf(ctx: AppContext, code: string | undefined): Promise<number> {
  return (await resolveCompany(ctx, { code })).id;
}

async function readDocument(file: string): Promise<ScenarioDocument> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new CliInputError(`${file}: no such file`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliInputError(`${file}: not JSON (${(error as Error).message})`);
  }
  const parsed = ScenarioDocument.safeParse(json);
  if (parsed.success) return parsed.data;
  throw validationError(
    `${file}: not a scenario exported from Encours`,
    parsed.error.issues.map((issue) => ({
      field: issue.path.join(".") || "document",
      message: issue.message,
    })),
  );
}

/** `encours scenario list | export | import`: scenarios as JSON documents, for copying between companies. */
export function registerScenario(program: Command, run: Run): void {
  const scenario = program.command("scenario").description("List, export and import dunning scenarios");
  scenario
    .command("list")
    .description("The company's scenarios and the customers each covers")
    .option("--company <code>", "company code (the only one when there is one)")
    .action((flags: { company?: string }) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const items = await withRuntime(globals, async (ctx) =>
          listScenarioSummaries(ctx, await companyOf(ctx, flags.company)),
        );
        printResult(outputOf(globals), items, () =>
          table(
            items.map((s) => ({
              code: s.code,
              name: s.name,
              default: s.isDefault ? "yes" : "",
              version: s.version,
              steps: s.stepCount,
              customers: s.customerCount,
            })),
          ),
        );
      }),
    );
  scenario
    .command("export <code>")
    .description("Print a scenario's current version as a JSON document")
    .option("--company <code>", "company code (the only one when there is one)")
    .action((code: string, flags: { company?: string }) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const document = await withRuntime(globals, async (ctx) => {
          const companyId = await companyOf(ctx, flags.company);
          const found = (await listScenarioSummaries(ctx, companyId)).find((s) => s.code === code);
          if (!found) {
            throw validationError(`No scenario "${code}" in this company`, [
              { field: "code", value: code, message: "no such scenario" },
            ]);
          }
          return exportScenario(ctx, found.id);
        });
        process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      }),
    );
  scenario
    .command("import <file>")
    .description("Import a JSON document: a new scenario, or a new version of the one with the same code")
    .option("--company <code>", "company code (the only one when there is one)")
    .action((file: string, flags: { company?: string }) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const document = await readDocument(file);
        const detail = await withRuntime(globals, async (ctx) =>
          importScenario(ctx, SYSTEM_ACTOR, { companyId: await companyOf(ctx, flags.company), document }),
        );
        printResult(
          outputOf(globals),
          detail,
          () => `Scenario ${detail.code} "${detail.name}" is at version ${detail.version}`,
        );
      }),
    );
}
