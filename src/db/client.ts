import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { type EmbeddedServer, startEmbedded } from "./embedded/embedded";
import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema>;
/** A transaction handle; inside a transaction, every query must go through it. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or a transaction: repositories accept both. */
export type Queryable = Database | Tx;

export type DatabaseHandle = {
  db: Database;
  pool: pg.Pool;
  mode: "embedded" | "postgres";
  /** Where the data is, for logs and error messages (never includes a password). */
  location: string;
  embedded?: EmbeddedServer;
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  /** A PostgreSQL URL; when absent the embedded database is used. */
  url?: string;
  /** Embedded data directory; absent with no url = in-memory (tests). */
  dataDir?: string;
  templatePath?: string;
  poolSize?: number;
  applicationName?: string;
};

let parsersInstalled = false;

/** Dates stay `YYYY-MM-DD` strings; bigint columns become exact numbers or fail loudly. */
function installTypeParsers(): void {
  if (parsersInstalled) return;
  parsersInstalled = true;
  pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${value} does not fit a JavaScript number`);
    return n;
  });
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(invalid DATABASE_URL)";
  }
}

function ignoreIdleClientError(): void {}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  installTypeParsers();
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? "encours",
    });
    // An idle connection the server closes (restart, failover, a dropped database) emits an error on
    // the pool; unhandled, it would end the process. The pool discards that connection and the next
    // query opens a new one.
    pool.on("error", ignoreIdleClientError);
    return {
      db: drizzle(pool, { schema }),
      pool,
      mode: "postgres",
      location: redactUrl(options.url),
      close: () => pool.end(),
    };
  }
  const embedded = await startEmbedded({ dataDir: options.dataDir, templatePath: options.templatePath });
  // PGlite serves one connection at a time: a second connection waiting while a transaction is
  // open would hang forever, so the pool has exactly one connection.
  const pool = new pg.Pool({ host: embedded.socketDir, user: "postgres", database: "postgres", max: 1 });
  pool.on("error", ignoreIdleClientError);
  // Every connection to the embedded server is the same database session: a connection opened after an idle
  // one was closed would find its named statements (`executePrepared`) still there and fail to prepare them.
  pool.on("connect", (client) => {
    client.query("deallocate all").catch(ignoreIdleClientError);
  });
  let closing: Promise<void> | undefined;
  return {
    db: drizzle(pool, { schema }),
    pool,
    mode: "embedded",
    location: options.dataDir ?? "(in memory)",
    embedded,
    close() {
      closing ??= pool.end().then(() => embedded.stop());
      return closing;
    },
  };
}
