import { type SQL, sql } from "drizzle-orm";

/** A column fed from a staged record: `key` in the JSON, `type` its SQL type. */
export type ColumnSpec = { column: string; key: string; type: string };

export function selectExpression(spec: ColumnSpec, record = "d"): SQL {
  if (spec.type === "jsonb") return sql.raw(`coalesce(${record}->'${spec.key}', '{}'::jsonb)`);
  return sql.raw(`(${record}->>'${spec.key}')::${spec.type}`);
}

/**
 * The SET and WHERE parts of an upsert that (1) never overwrites a field a user edited in Encours
 * (listed in the row's `locally_edited`), (2) merges custom fields, and (3) rewrites nothing when
 * nothing changed, so that unchanged rows are counted, not written.
 */
export function protectedUpdate(table: string, columns: readonly ColumnSpec[], hasLocalEdits: boolean) {
  const value = (c: ColumnSpec) => {
    if (c.type === "jsonb") return `${table}.${c.column} || excluded.${c.column}`;
    if (!hasLocalEdits) return `excluded.${c.column}`;
    return `case when '${c.key}' = any(${table}.locally_edited) then ${table}.${c.column} else excluded.${c.column} end`;
  };
  const set = columns.map((c) => `${c.column} = ${value(c)}`).join(", ");
  const changed = columns.map((c) => `(${value(c)}) is distinct from ${table}.${c.column}`).join(" or ");
  return { set: sql.raw(set), changed: sql.raw(changed || "false") };
}

export function columnList(columns: readonly ColumnSpec[]): SQL {
  return sql.raw(columns.map((c) => c.column).join(", "));
}
