import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Database, Queryable } from "./client";

const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));
/** Serialises concurrent starts on one PostgreSQL server: only one process migrates at a time. */
const MIGRATION_LOCK = 7_311_972_001;

export async function applyMigrations(db: Database): Promise<{ applied: number }> {
  const count = async (q: Queryable) => {
    const exists = await q.execute<{ n: number }>(
      sql`select count(*)::int as n from information_schema.tables where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`,
    );
    if (exists.rows[0]?.n === 0) return 0;
    const rows = await q.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    return rows.rows[0]?.n ?? 0;
  };
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    const before = await count(tx);
    await migrate(tx as unknown as Database, { migrationsFolder: MIGRATIONS_FOLDER });
    return { applied: (await count(tx)) - before };
  });
}
