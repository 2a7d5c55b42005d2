import { parseArgs } from "node:util";
import { runApiBench } from "./api.bench";
import { runDemoBench } from "./demo.bench";
import { runDunningBench } from "./dunning.bench";
import { runImportBench } from "./import.bench";
import { runKpiBench } from "./kpi.bench";
import { runMatchingBench } from "./matching.bench";
import { runSendBench } from "./send.bench";

/**
 * `npm run bench -- <name> [--size N] [--customers N] [--embedded]`: runs one benchmark, which
 * prints progress lines and, as its last line, one JSON object with its figures.
 */
export type BenchArgs = {
  size: number | undefined;
  customers: number | undefined;
  /** Run on an in-memory embedded database instead of PostgreSQL. */
  embedded: boolean;
  /** Parallel write transactions, for benchmarks that have them. */
  concurrency: number | undefined;
};

const BENCHES: Record<string, ((args: BenchArgs) => Promise<void>) | null> = {
  demo: runDemoBench,
  import: runImportBench,
  dunning: runDunningBench,
  send: runSendBench,
  api: runApiBench,
  kpi: runKpiBench,
  matching: runMatchingBench,
  // Declared by the design; each arrives with its feature.
};

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function positive(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replaceAll("_", ""));
  if (!Number.isSafeInteger(n) || n < 1) fail(`--${flag} must be a positive whole number, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const names = Object.keys(BENCHES).join(", ");
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    fail(
      `${(error as Error).message}\nUsage: npm run bench -- <${names.replaceAll(", ", "|")}> [--size N] [--customers N] [--embedded] [--concurrency N]`,
    );
  }
  const [name, ...extra] = parsed.positionals;
  if (!name) fail(`Which benchmark? One of: ${names}`);
  if (extra.length > 0) fail(`Unexpected argument "${extra[0]}"`);
  if (!Object.hasOwn(BENCHES, name)) fail(`Unknown benchmark "${name}". Available: ${names}`);
  const run = BENCHES[name];
  if (!run) fail(`The "${name}" benchmark is not written yet. Available now: ${availableNow()}`);
  await run({
    size: positive("size", parsed.values.size),
    customers: positive("customers", parsed.values.customers),
    embedded: parsed.values.embedded ?? false,
    concurrency: positive("concurrency", parsed.values.concurrency),
  });
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      size: { type: "string" },
      customers: { type: "string" },
      embedded: { type: "boolean" },
      concurrency: { type: "string" },
    },
  });
}

function availableNow(): string {
  return Object.entries(BENCHES)
    .filter(([, run]) => run !== null)
    .map(([name]) => name)
    .join(", ");
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
