import { createHash } from "node:crypto";
import type { SQL } from "drizzle-orm";
import type { PgDialect, PgSession } from "drizzle-orm/pg-core";
import type { Queryable } from "./client";

/**
 * Runs a read as a named prepared statement of its connection. PostgreSQL then parses it once per
 * connection and, inside a transaction that sets `plan_cache_mode = force_generic_plan`, plans it once:
 * for a long interactive read (the agenda's dozen joins), planning costs as much as running it. The name
 * carries a hash of the text, so that each variant of a statement (a filter present or not) is its own.
 */
export async function executePrepared<T>(q: Queryable, label: string, query: SQL): Promise<{ rows: T[] }> {
  const { session, dialect } = q as unknown as { session: PgSession; dialect: PgDialect };
  const built = dialect.sqlToQuery(query);
  const name = `${label}_${createHash("sha1").update(built.sql).digest("hex").slice(0, 16)}`;
  const result = await session.prepareQuery(built, undefined, name, false).execute();
  return result as { rows: T[] };
}
