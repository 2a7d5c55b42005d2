import { type SQL, sql } from "drizzle-orm";
import { minorFactorSql } from "../../db/money-sql";
import type { RuleCondition, StepCondition } from "./dunning.schemas";

/** The SQL expressions a condition field reads, in the query where the condition is evaluated. */
export type ConditionColumns = Record<StepCondition["field"], string> & { currency: string };
export type RuleColumns = Record<RuleCondition["field"], string> & { currency: string };

function compare(column: string, op: "gte" | "lt" | "eq", value: SQL): SQL {
  const operator = op === "gte" ? ">=" : op === "lt" ? "<" : "=";
  return sql`(${sql.raw(column)} ${sql.raw(operator)} ${value})`;
}

function textMatch(column: string, op: "in" | "not_in", values: readonly string[]): SQL {
  const list = sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
  return op === "in"
    ? sql`(${sql.raw(column)} = any(${list}))`
    : sql`(${sql.raw(column)} is null or not (${sql.raw(column)} = any(${list})))`;
}

function amountThreshold(value: string, currencyColumn: string): SQL {
  return sql`(${value}::numeric * ${sql.raw(minorFactorSql(currencyColumn))})`;
}

/** A step or action condition as a boolean SQL expression over `columns`. */
export function conditionSql(condition: StepCondition, columns: ConditionColumns): SQL {
  const column = columns[condition.field];
  if ("values" in condition) return textMatch(column, condition.op, condition.values);
  if (condition.field === "invoice_amount" || condition.field === "customer_overdue_total") {
    return compare(column, condition.op, amountThreshold(String(condition.value), columns.currency));
  }
  return compare(column, condition.op as "gte" | "lt" | "eq", sql`${Number(condition.value)}::int`);
}

/** An assignment rule's condition as a boolean SQL expression over a customer row. */
export function ruleConditionSql(condition: RuleCondition, columns: RuleColumns): SQL {
  const column = columns[condition.field];
  if (condition.field === "is_strategic") return sql`(${sql.raw(column)} = ${condition.value})`;
  if ("values" in condition) return textMatch(column, condition.op, condition.values);
  const threshold = amountThreshold(String(condition.value), columns.currency);
  return sql`(coalesce(${sql.raw(column)}, 0) ${sql.raw(condition.op === "gte" ? ">=" : "<")} ${threshold})`;
}

export function allOf(parts: readonly SQL[]): SQL {
  return parts.length === 0 ? sql`true` : sql`(${sql.join([...parts], sql` and `)})`;
}

/** `case when <key = k1> then <p1> … else true end`: one predicate per step (or action), chosen by key. */
export function caseByKey(entries: readonly { key: SQL; predicate: SQL }[]): SQL {
  if (entries.length === 0) return sql`true`;
  return sql`(case ${sql.join(
    entries.map((e) => sql`when ${e.key} then ${e.predicate}`),
    sql` `,
  )} else true end)`;
}
