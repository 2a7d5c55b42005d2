import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import type { ImportIssue } from "../imports.types";
import { type ApplyContext, type ApplyResult, countStaged, countsFrom, duplicateKeys } from "./staging";
import { type ColumnSpec, columnList, protectedUpdate, selectExpression } from "./upsert-sql";

const COLUMNS: readonly ColumnSpec[] = [
  { column: "name", key: "name", type: "text" },
  { column: "segment", key: "segment", type: "text" },
  { column: "language", key: "language", type: "char(2)" },
  { column: "country", key: "country", type: "char(2)" },
  { column: "email", key: "email", type: "text" },
  { column: "phone", key: "phone", type: "text" },
  { column: "address_line1", key: "addressLine1", type: "text" },
  { column: "address_line2", key: "addressLine2", type: "text" },
  { column: "postal_code", key: "postalCode", type: "text" },
  { column: "city", key: "city", type: "text" },
  { column: "payment_terms", key: "paymentTerms", type: "text" },
  { column: "credit_limit_minor", key: "creditLimitMinor", type: "bigint" },
  { column: "is_strategic", key: "isStrategic", type: "boolean" },
  { column: "legal_id", key: "legalId", type: "text" },
  { column: "vat_id", key: "vatId", type: "text" },
  { column: "custom_fields", key: "customFields", type: "jsonb" },
];
const USER_COLUMNS = [
  { column: "collector_id", key: "collectorEmail" },
  { column: "sales_rep_id", key: "salesRepEmail" },
] as const;

async function unknownUsers(tx: Tx, ctx: ApplyContext, present: ReadonlySet<string>): Promise<ImportIssue[]> {
  const issues: ImportIssue[] = [];
  for (const { key } of USER_COLUMNS) {
    if (!present.has(key)) continue;
    const column = key === "collectorEmail" ? "collector_email" : "sales_rep_email";
    const result = await tx.execute<{ line: number; value: string }>(sql`
      select r.line, r.data->>${key} as value from import_row r
      where r.batch_id = ${ctx.batchId} and r.entity = 'customer' and r.data->>${key} is not null
        and not exists (select 1 from app_user u where lower(u.email) = r.data->>${key})
      order by r.line`);
    for (const row of result.rows) {
      issues.push({
        line: row.line,
        column,
        field: column,
        value: row.value,
        message: "no Encours user has this email",
      });
    }
  }
  return issues;
}

/** Upserts the staged customers by (company, external reference), keeping locally edited fields. */
export async function applyCustomers(
  tx: Tx,
  ctx: ApplyContext,
  present: ReadonlySet<string>,
): Promise<ApplyResult> {
  const total = await countStaged(tx, ctx.batchId, "customer");
  if (total === 0) return { created: 0, updated: 0, unchanged: 0, issues: [] };
  const issues = [
    ...(await duplicateKeys(tx, ctx.batchId, "customer", "externalRef", "external_ref")),
    ...(await unknownUsers(tx, ctx, present)),
  ];
  if (issues.length > 0) return { created: 0, updated: 0, unchanged: 0, issues };
  const columns = COLUMNS.filter((c) => c.key === "name" || present.has(c.key));
  const users = USER_COLUMNS.filter((u) => present.has(u.key));
  const userSelect: SQL[] = users.map((u) =>
    sql.raw(`(select id from app_user where lower(email) = d->>'${u.key}')`),
  );
  const allColumns = [...columns, ...users.map((u) => ({ column: u.column, key: u.key, type: "bigint" }))];
  const update = protectedUpdate("customer", allColumns, true);
  const result = await tx.execute<{ inserted: boolean }>(sql`
    insert into customer (company_id, external_ref, currency, last_import_batch_id, ${columnList(allColumns)})
    select ${ctx.companyId}, d->>'externalRef',
      coalesce(d->>'currency', (select currency from company where id = ${ctx.companyId})), ${ctx.batchId},
      ${sql.join([...columns.map((c) => selectExpression(c)), ...userSelect], sql`, `)}
    from (select data as d from import_row where batch_id = ${ctx.batchId} and entity = 'customer') s
    on conflict (company_id, external_ref) do update set ${update.set},
      updated_at = ${ctx.now}, last_import_batch_id = excluded.last_import_batch_id
    where ${update.changed}
    returning (xmax = 0) as inserted`);
  return { ...countsFrom(result.rows, total), issues: [] };
}
