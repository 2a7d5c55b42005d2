import { once } from "node:events";
import { finished } from "node:stream/promises";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "../../../db/client";
import * as schema from "../../../db/schema";

/** A `COPY … FROM STDIN` in progress: text goes in with backpressure; `end` waits for the server. */
export type CopyIn = {
  write(text: string): Promise<void>;
  end(): Promise<void>;
  /** Cancels the COPY (the server discards what it received); never throws. */
  abort(): Promise<void>;
};

/**
 * One connection for a whole import on PostgreSQL, so that a temporary staging table outlives the
 * statements that fill it and lives until the transaction that applies it. On the embedded
 * database (PGlite has no COPY from the client, and one connection for everybody) it is the
 * shared handle and `copyIn` is null: staging goes through `import_row` as before.
 */
export type ImportSession = {
  db: Database;
  copyIn: ((statement: string) => CopyIn) | null;
  release(): Promise<void>;
};

const TEMP_BUFFERS = "256MB";
const embedded = new WeakMap<Database, boolean>();

async function isEmbedded(db: Database): Promise<boolean> {
  const known = embedded.get(db);
  if (known !== undefined) return known;
  const result = await db.execute<{ version: string }>(sql`select version() as version`);
  const isPglite = (result.rows[0]?.version ?? "").includes("PGlite");
  embedded.set(db, isPglite);
  return isPglite;
}

const SHARED = (db: Database): ImportSession => ({ db, copyIn: null, release: async () => {} });

/** A session of its own when `wanted` and the database is a PostgreSQL server; else the shared handle. */
export async function openImportSession(db: Database, wanted: boolean): Promise<ImportSession> {
  const pool = (db as { $client?: unknown }).$client;
  if (!wanted || !(pool instanceof pg.Pool) || (await isEmbedded(db))) return SHARED(db);
  const client = await pool.connect();
  // A staging table of a million rows stays in memory with large local buffers (8 MB by default);
  // the setting can be changed only before the session's first temporary table.
  try {
    await client.query("select set_config('temp_buffers', $1, false) where pg_my_temp_schema() = 0", [
      TEMP_BUFFERS,
    ]);
  } catch (error) {
    client.release(true);
    throw error;
  }
  const copyIn = (statement: string): CopyIn => {
    const stream = client.query(copyFrom(statement));
    let failure: Error | null = null;
    stream.on("error", (error: Error) => {
      failure ??= error;
    });
    return {
      async write(text) {
        if (failure) throw failure;
        if (!stream.write(text)) await once(stream, "drain");
      },
      async end() {
        stream.end();
        await finished(stream);
        if (failure) throw failure;
      },
      async abort() {
        stream.destroy(new Error("the import stopped before the end of the file"));
        // The stream ends in the error it was destroyed with: that is the expected outcome here.
        await finished(stream).catch(() => {});
      },
    };
  };
  return {
    db: drizzle(client, { schema }) as unknown as Database,
    copyIn,
    // The connection is closed rather than given back: its temporary table, its local buffers and
    // its settings go with it, and the pool opens a fresh one when it needs it.
    release: async () => client.release(true),
  };
}
