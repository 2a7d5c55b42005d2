import { sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { type ApplyContext, type ApplyResult, countStaged, countsFrom, unknownCustomers } from "./staging";
import { type ColumnSpec, columnList, protectedUpdate, selectExpression } from "./upsert-sql";

const COLUMNS: readonly ColumnSpec[] = [
  { column: "name", key: "name", type: "text" },
  { column: "role", key: "role", type: "text" },
  { column: "email", key: "email", type: "text" },
  { column: "phone", key: "phone", type: "text" },
  { column: "language", key: "language", type: "char(2)" },
  { column: "preferred_channel", key: "preferredChannel", type: "contact_channel" },
];

/**
 * Upserts contacts by (customer, key from the file). A field the collector edited in Encours keeps
 * its value; contacts created in Encours have no key and are never touched by an import.
 */
export async function applyContacts(
  tx: Tx,
  ctx: ApplyContext,
  present: ReadonlySet<string>,
): Promise<ApplyResult> {
  const total = await countStaged(tx, ctx.batchId, "contact");
  if (total === 0) return { created: 0, updated: 0, unchanged: 0, issues: [] };
  const issues = await unknownCustomers(tx, ctx, "contact");
  if (issues.length > 0) return { created: 0, updated: 0, unchanged: 0, issues };
  const columns = COLUMNS.filter((c) => c.key === "name" || present.has(c.key));
  const update = protectedUpdate("contact", columns, true);
  const result = await tx.execute<{ inserted: boolean }>(sql`
    insert into contact (customer_id, external_ref, ${columnList(columns)})
    select distinct on (cu.id, d->>'externalRef') cu.id, d->>'externalRef', ${sql.join(
      columns.map((c) =>
        c.key === "role"
          ? sql`coalesce(d->>'role', 'accounts_payable')`
          : c.key === "preferredChannel"
            ? sql`coalesce((d->>'preferredChannel')::contact_channel, 'email')`
            : selectExpression(c),
      ),
      sql`, `,
    )}
    from (select line, data as d from import_row where batch_id = ${ctx.batchId} and entity = 'contact') s
    join customer cu on cu.company_id = ${ctx.companyId} and cu.external_ref = d->>'customerRef'
    order by cu.id, d->>'externalRef', s.line desc
    on conflict (customer_id, external_ref) do update set ${update.set}, updated_at = ${ctx.now}
    where ${update.changed}
    returning (xmax = 0) as inserted`);
  return { ...countsFrom(result.rows, total), issues: [] };
}
