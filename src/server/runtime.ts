import { type DatabaseHandle, openDatabase } from "../db/client";
import { applyMigrations } from "../db/migrate";
import type { Config } from "./config";

export type Runtime = DatabaseHandle & { migrationsApplied: number };

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else the embedded one in the
 * data directory, created on first use) and brings its schema up to date.
 */
export async function openRuntime(config: Config, options: { poolSize?: number } = {}): Promise<Runtime> {
  const handle = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    poolSize: options.poolSize ?? config.dbPoolSize,
  });
  try {
    const { applied } = await applyMigrations(handle.db);
    return Object.assign(handle, { migrationsApplied: applied });
  } catch (error) {
    await handle.close();
    throw error;
  }
}
