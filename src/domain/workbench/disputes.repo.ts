import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { dispute } from "../../db/schema";
import { customerScopeCondition } from "../customers/customers.scope";
import type { PortfolioScope } from "../users/users.rules";
import type { DisputeListQuery, DisputeStatus } from "./workbench.schemas";

export async function insertDisputes(
  q: Queryable,
  rows: readonly (typeof dispute.$inferInsert)[],
): Promise<number[]> {
  const inserted = await q
    .insert(dispute)
    .values([...rows])
    .returning({ id: dispute.id });
  return inserted.map((r) => r.id);
}

export type DisputeRow = {
  id: number;
  company_id: number;
  customer_id: number;
  customer_name: string;
  customer_ref: string;
  invoice_id: number;
  invoice_number: string;
  invoice_due_date: string;
  invoice_open_minor: number;
  invoice_currency: string;
  amount_minor: number;
  currency: string;
  reason: string;
  reason_label_fr: string;
  reason_label_en: string;
  status: DisputeStatus;
  owner_id: number | null;
  owner_name: string | null;
  owner_department_id: number | null;
  department_name: string | null;
  deadline: string | null;
  note: string | null;
  resolution_note: string | null;
  created_by_id: number | null;
  created_by_name: string | null;
  created_at: Date;
  closed_at: Date | null;
  opened_on: string;
  age_days: number;
  is_past_deadline: boolean;
};

/**
 * Disputes with what a list shows. Age counts calendar days in the company's time zone up to today (or to
 * the day the dispute was closed). The reason's labels come from the company's catalogue (the code itself
 * when the catalogue lacks it, e.g. a reason a migration carried over).
 */
function disputeSelect(now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`
    select d.id, d.company_id, d.customer_id, customer.name as customer_name, customer.external_ref as customer_ref,
      d.invoice_id, i.number as invoice_number, i.due_date::text as invoice_due_date,
      i.open_amount_minor as invoice_open_minor, i.currency as invoice_currency,
      d.amount_minor, d.currency, d.reason, d.status, d.owner_id, o.name as owner_name, d.deadline::text, d.note,
      d.owner_department_id, dep.name as department_name,
      coalesce(dr.label_fr, d.reason) as reason_label_fr, coalesce(dr.label_en, d.reason) as reason_label_en,
      d.resolution_note, d.created_by_id, u.name as created_by_name, d.created_at, d.closed_at,
      (d.created_at at time zone co.time_zone)::date::text as opened_on,
      ((coalesce(d.closed_at, ${at}) at time zone co.time_zone)::date
        - (d.created_at at time zone co.time_zone)::date) as age_days,
      coalesce(d.deadline < (${at} at time zone co.time_zone)::date
        and d.status in ('open', 'under_review'), false) as is_past_deadline
    from dispute d
    join customer on customer.id = d.customer_id
    join company co on co.id = d.company_id
    join invoice i on i.id = d.invoice_id
    left join app_user o on o.id = d.owner_id
    left join department dep on dep.id = d.owner_department_id
    left join app_user u on u.id = d.created_by_id
    left join dispute_reason dr on dr.company_id = d.company_id and dr.code = d.reason`;
}

/** Held disputes first, then the ones awaiting closure; the oldest first within each. */
const ORDER = sql`
  case when d.status in ('open', 'under_review') then 0 when d.status = 'closed' then 2 else 1 end,
  d.created_at, d.id`;

export async function selectDisputesByIds(q: Queryable, ids: readonly number[], now: Date) {
  const result = await q.execute<DisputeRow>(sql`${disputeSelect(now)}
    where d.id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::bigint) order by ${ORDER}`);
  return result.rows;
}

export async function selectCustomerDisputes(q: Queryable, customerId: number, now: Date) {
  const result = await q.execute<DisputeRow>(sql`${disputeSelect(now)}
    where d.customer_id = ${customerId} order by ${ORDER} limit 500`);
  return result.rows;
}

export type DisputeFilter = Omit<DisputeListQuery, "page" | "pageSize"> & { scope: PortfolioScope };

function whereDisputes(filter: DisputeFilter): SQL {
  const conditions: SQL[] = [customerScopeCondition(filter.scope)];
  if (filter.status === "active") conditions.push(sql`d.status in ('open', 'under_review')`);
  else if (filter.status !== undefined) conditions.push(sql`d.status = ${filter.status}`);
  if (filter.ownerId !== undefined) conditions.push(sql`d.owner_id = ${filter.ownerId}`);
  if (filter.departmentId !== undefined) conditions.push(sql`d.owner_department_id = ${filter.departmentId}`);
  if (filter.companyId !== undefined) conditions.push(sql`d.company_id = ${filter.companyId}`);
  if (filter.customerId !== undefined) conditions.push(sql`d.customer_id = ${filter.customerId}`);
  return sql.join(conditions, sql` and `);
}

export async function selectDisputes(
  q: Queryable,
  filter: DisputeFilter,
  page: { limit: number; offset: number; now: Date },
): Promise<DisputeRow[]> {
  const result = await q.execute<DisputeRow>(sql`${disputeSelect(page.now)}
    where ${whereDisputes(filter)} order by ${ORDER} limit ${page.limit} offset ${page.offset}`);
  return result.rows;
}

export async function countDisputes(q: Queryable, filter: DisputeFilter): Promise<number> {
  const result = await q.execute<{ n: number }>(sql`
    select count(*)::int as n from dispute d join customer on customer.id = d.customer_id
    where ${whereDisputes(filter)}`);
  return result.rows[0]?.n ?? 0;
}

export async function findDispute(q: Queryable, id: number) {
  const [row] = await q.select().from(dispute).where(eq(dispute.id, id));
  return row ?? null;
}

/**
 * Moves a dispute from the status it was read in; false when someone else moved it first. The resolution
 * note is set when given (resolving or rejecting) and kept through closing.
 */
export async function updateDisputeStatus(
  q: Queryable,
  change: { id: number; from: DisputeStatus; to: DisputeStatus; now: Date; resolutionNote?: string },
): Promise<boolean> {
  const rows = await q
    .update(dispute)
    .set({
      status: change.to,
      updatedAt: change.now,
      ...(change.resolutionNote !== undefined ? { resolutionNote: change.resolutionNote } : {}),
      ...(change.to === "closed" ? { closedAt: change.now } : {}),
    })
    .where(and(eq(dispute.id, change.id), eq(dispute.status, change.from)))
    .returning({ id: dispute.id });
  return rows.length > 0;
}
