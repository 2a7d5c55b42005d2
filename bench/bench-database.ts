import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../src/db/client";

/** Benchmarks read their own settings: they are tools for developers, not part of the application. */
function adminUrl(): string {
  return (
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres"
  );
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database for this run: dropped first if a previous run left it, dropped again at the end. */
export async function openBenchDatabase(
  database: string,
): Promise<{ handle: DatabaseHandle; dispose(): Promise<void> }> {
  const admin = adminUrl();
  await onServer(admin, `drop database if exists ${database} with (force)`);
  await onServer(admin, `create database ${database}`);
  const url = new URL(admin);
  url.pathname = `/${database}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 8, applicationName: "encours-bench" });
  return {
    handle,
    async dispose() {
      await handle.close();
      await onServer(admin, `drop database if exists ${database} with (force)`);
    },
  };
}

/** `--embedded`: an in-memory PGlite; otherwise a fresh PostgreSQL database of that name. */
export async function openBenchTarget(
  database: string,
  embedded: boolean,
): Promise<{ handle: DatabaseHandle; dispose(): Promise<void> }> {
  if (!embedded) return openBenchDatabase(database);
  const handle = await openDatabase({});
  return { handle, dispose: () => handle.close() };
}
