import { type SQL, sql } from "drizzle-orm";
import { CURRENCY_EXPONENTS } from "../../../shared/currencies";

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

/** SQL text of an amount in major units ("1200.50", "-288.02", "1000" for JPY), from minor units and currency columns. */
export function decimalSql(minorColumn: string, currencyColumn: string): SQL {
  const special = Object.entries(CURRENCY_EXPONENTS)
    .filter(([, exponent]) => exponent !== 2)
    .map(([code, exponent]) => `when '${code}' then ${exponent}`)
    .join(" ");
  const exponent = `(case ${currencyColumn} ${special} else 2 end)`;
  return sql.raw(`round(${minorColumn}::numeric / (10::numeric ^ ${exponent}), ${exponent})::text`);
}
