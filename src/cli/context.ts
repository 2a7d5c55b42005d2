import path from "node:path";
import type { AppContext } from "../domain/context";
import { type Config, loadConfig } from "../server/config";
import { openRuntime, type Runtime } from "../server/runtime";
import { systemClock } from "../shared/clock";
import type { Output } from "./output";

export type GlobalOptions = { dataDir?: string; json?: boolean };

export function cliConfig(options: GlobalOptions, extra: Partial<Config> = {}): Config {
  return loadConfig(process.env, {
    ...(options.dataDir ? { dataDir: path.resolve(options.dataDir) } : {}),
    ...extra,
  });
}

export function outputOf(options: GlobalOptions): Output {
  return { json: options.json === true };
}

/** Opens the database (creating and migrating it when new), runs `work`, always closes. */
export async function withRuntime<T>(
  options: GlobalOptions,
  work: (ctx: AppContext, runtime: Runtime) => Promise<T>,
): Promise<T> {
  const runtime = await openRuntime(cliConfig(options), { poolSize: 4 });
  try {
    return await work({ db: runtime.db, clock: systemClock }, runtime);
  } finally {
    await runtime.close();
  }
}
