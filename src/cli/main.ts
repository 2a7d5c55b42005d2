import { Command, CommanderError } from "commander";
import { registerBounces } from "./bounces";
import { registerCompany } from "./company";
import { registerDemo } from "./demo";
import { registerDueDate } from "./due-date";
import { registerExport } from "./export";
import { registerImport } from "./import";
import { registerInterest } from "./interest";
import { registerKpi } from "./kpi";
import { registerLetters } from "./letters";
import { registerMatch } from "./match";
import { registerMessages } from "./messages";
import { registerMigrate } from "./migrate";
import { EXIT_INVALID_INPUT, reportError } from "./output";
import { registerPromises } from "./promises";
import { registerRates } from "./rates";
import { registerRun } from "./run";
import { registerScenario } from "./scenario";
import { registerSend } from "./send";
import { registerServe } from "./serve";
import { registerUser } from "./user";

const program = new Command("encours")
  .description("Encours: credit management and dunning (relance clients).")
  .option(
    "--data-dir <dir>",
    "embedded database directory (overrides ENCOURS_DATA_DIR; ignored with DATABASE_URL)",
  )
  .option("--json", "machine output on stdout (JSON), nothing else there")
  .showHelpAfterError()
  .exitOverride();

async function run(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    process.exitCode = reportError(error, { json: program.opts().json === true });
  }
}

registerServe(program, run);
registerMigrate(program, run);
registerDemo(program, run);
registerCompany(program, run);
registerImport(program, run);
registerDueDate(program, run);
registerExport(program, run);
registerInterest(program, run);
registerKpi(program, run);
registerLetters(program, run);
registerMatch(program, run);
registerMessages(program, run);
registerRates(program, run);
registerRun(program, run);
registerBounces(program, run);
registerPromises(program, run);
registerScenario(program, run);
registerSend(program, run);
registerUser(program, run);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version exit 0; unknown commands and missing options are invalid input.
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_INVALID_INPUT;
  } else {
    process.exitCode = reportError(error, { json: false });
  }
}
