import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import type { ImportIssue } from "../imports.types";
import { type ApplyContext, unknownCustomerRefs } from "./staging";

/** The same external reference twice in one file is ambiguous: which line wins? Both lines are reported. */
async function duplicateRefs(tx: Tx, staged: SQL): Promise<ImportIssue[]> {
  // A hash aggregate answers "any duplicate?" faster than the window below sorts a million rows.
  const any = await tx.execute<{ found: boolean }>(sql`
    select exists (select 1 from ${staged} s group by s.external_ref having count(*) > 1) as found`);
  if (!any.rows[0]?.found) return [];
  const result = await tx.execute<{ line: number; value: string; first: number }>(sql`
    select line, value, first from (
      select s.line, s.external_ref as value, min(s.line) over (partition by s.external_ref) as first from ${staged} s
    ) t where line <> first order by line`);
  return result.rows.map((r) => ({
    line: r.line,
    column: "external_ref",
    field: "external_ref",
    value: r.value,
    message: `appears twice in the file (first on line ${r.first})`,
  }));
}

/** What is still owed can never exceed the invoice (an e-invoice's amount due may say otherwise). */
async function openBeyondAmount(tx: Tx, staged: SQL): Promise<ImportIssue[]> {
  const result = await tx.execute<{ line: number; value: string; amount: string }>(sql`
    select s.line, s.open_amount_minor::text as value, s.amount_minor::text as amount from ${staged} s
    where abs(s.open_amount_minor) > abs(s.amount_minor)
    order by s.line`);
  return result.rows.map((row) => ({
    line: row.line,
    column: "open_amount",
    field: "open_amount",
    value: row.value,
    message: `the amount still due is larger than the invoice amount (${row.amount} minor units)`,
  }));
}

/** Every check on staged invoices that needs the whole file or the database, in report order. */
export async function checkInvoices(tx: Tx, ctx: ApplyContext, staged: SQL): Promise<ImportIssue[]> {
  return [
    ...(await duplicateRefs(tx, staged)),
    ...(await unknownCustomerRefs(tx, ctx, staged)),
    ...(await openBeyondAmount(tx, staged)),
  ];
}
