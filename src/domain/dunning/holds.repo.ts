import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { dunningHold } from "../../db/schema";
import type { Hold } from "./dunning.schemas";

export async function insertHolds(
  db: Queryable,
  values: {
    companyId: number;
    customerId: number;
    invoiceIds: readonly (number | null)[];
    reason: string;
    untilDate: string | null;
    createdById: number | null;
  },
): Promise<number[]> {
  const rows = await db
    .insert(dunningHold)
    .values(
      values.invoiceIds.map((invoiceId) => ({
        companyId: values.companyId,
        customerId: values.customerId,
        invoiceId,
        reason: values.reason,
        untilDate: values.untilDate,
        createdById: values.createdById,
      })),
    )
    .returning({ id: dunningHold.id });
  return rows.map((r) => r.id);
}

export async function findActiveHold(db: Queryable, id: number) {
  const [row] = await db
    .select()
    .from(dunningHold)
    .where(and(eq(dunningHold.id, id), isNull(dunningHold.releasedAt)));
  return row ?? null;
}

export async function markReleased(db: Queryable, id: number, userId: number | null): Promise<void> {
  await db
    .update(dunningHold)
    .set({ releasedAt: sql`now()`, releasedById: userId })
    .where(eq(dunningHold.id, id));
}

type HoldRow = {
  id: number;
  kind: Hold["kind"];
  invoice_id: number | null;
  invoice_number: string | null;
  reason: string;
  until_date: string | null;
  created_by: string | null;
  created_at: Date;
};

/** Everything that stops the dunning of a customer's items on `date`, whatever its origin. */
export async function selectActiveHolds(
  db: Queryable,
  customerId: number,
  date: string,
  promiseGraceDays: number,
): Promise<Hold[]> {
  const result = await db.execute<HoldRow>(sql`
    select h.id, 'manual' as kind, h.invoice_id, i.number as invoice_number, h.reason, h.until_date::text,
      u.name as created_by, h.created_at
    from dunning_hold h left join invoice i on i.id = h.invoice_id left join app_user u on u.id = h.created_by_id
    where h.customer_id = ${customerId} and h.released_at is null
      and (h.until_date is null or h.until_date >= ${date}::date)
    union all
    select d.id, 'dispute', d.invoice_id, i.number, d.reason, d.deadline::text, u.name, d.created_at
    from dispute d join invoice i on i.id = d.invoice_id left join app_user u on u.id = d.created_by_id
    where d.customer_id = ${customerId} and d.status in ('open', 'under_review') and i.status = 'open'
    union all
    select p.id, 'promise', pi.invoice_id, i.number,
      'promise to pay by ' || p.promised_date::text,
      (p.promised_date + coalesce(p.grace_days, ${promiseGraceDays}))::text, u.name, p.created_at
    from promise_to_pay p left join promise_invoice pi on pi.promise_id = p.id
    left join invoice i on i.id = pi.invoice_id left join app_user u on u.id = p.created_by_id
    where p.customer_id = ${customerId} and p.status = 'open'
      and p.promised_date + coalesce(p.grace_days, ${promiseGraceDays}) >= ${date}::date
    union all
    select c.id, 'litigation', null, null, 'the customer is in litigation', null, null, c.updated_at
    from customer c where c.id = ${customerId} and c.account_status = 'litigation'
    union all
    select c.id, 'credit_balance', null, null,
      'net credit balance in ' || t.currency || ': nothing to chase', null, null, c.updated_at
    from customer c
    join lateral (
      select i.currency, sum(i.open_amount_minor) as open_total from invoice i
      where i.customer_id = c.id and i.status = 'open' group by i.currency
    ) t on true
    left join lateral (
      select sum(p.unapplied_minor) as unapplied from payment p
      where p.customer_id = c.id and p.currency = t.currency and p.unapplied_minor > 0
    ) k on true
    where c.id = ${customerId} and t.open_total - coalesce(k.unapplied, 0) <= 0
      and exists (select 1 from invoice i where i.customer_id = c.id and i.status = 'open' and i.type = 'invoice'
        and i.currency = t.currency)
    order by 8 desc`);
  return result.rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    invoiceId: r.invoice_id === null ? null : Number(r.invoice_id),
    invoiceNumber: r.invoice_number,
    reason: r.reason,
    untilDate: r.until_date,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
