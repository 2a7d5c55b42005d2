import { type SQL, sql } from "drizzle-orm";

/**
 * One array as one query parameter (node-postgres writes it as a PostgreSQL array literal, quoting
 * each element), for `= any(...)` and `unnest(...)`: drizzle would otherwise expand it into a list.
 */
export function arrayParam(values: readonly unknown[]): SQL {
  return sql`${sql.param(values)}`;
}
