import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { actionTypesSql } from "./actions.repo";
import type { CompiledScenarios } from "./compile-scenarios";
import { CUSTOMER_FACING_TYPES } from "./dunning.schemas";

/**
 * The daily run's decision, set-based: which step each open invoice reaches on the run date, and the
 * customer messages (one per customer and currency) that group them. The result lands in three temporary
 * tables that the write step reads: dun_item (invoices that may be dunned), dun_pick (the step each
 * invoice reaches today) and dun_group (one row per customer message, with `deferred` set when contact
 * pressure puts it off).
 */
export type PlanOptions = {
  companyId: number;
  runDate: string;
  catchUp: "latest" | "all";
  minGapDays: number;
  promiseGraceDays: number;
  /** Restricts the run to some customers: a subquery of customer ids (a portfolio, or one customer). */
  customers: SQL | null;
  scenarios: CompiledScenarios;
};

const FACING = actionTypesSql(CUSTOMER_FACING_TYPES);

export async function dropPlanTables(tx: Tx): Promise<void> {
  await tx.execute(sql`drop table if exists dun_group, dun_pick, dun_item, dun_step`);
}

export async function planDay(tx: Tx, options: PlanOptions): Promise<void> {
  const isWholeCompany = options.customers === null;
  await dropPlanTables(tx);
  // Over a whole company every join is large: hash joins, never a nested loop over a temporary table
  // whose size the planner cannot know. For one customer, index lookups are the right plan.
  // JIT compilation costs more than it saves on these one-off statements (measured: 0.75 s of 1 s).
  if (isWholeCompany)
    await tx.execute(sql`set local enable_nestloop = off; set local jit = off; set local work_mem = '128MB'`);
  await createStepTable(tx, options);
  await createItemTable(tx, options);
  if (isWholeCompany) await tx.execute(sql`analyze dun_item`);
  await createPickTable(tx, options);
  if (isWholeCompany) await tx.execute(sql`analyze dun_pick`);
  await createGroupTable(tx, options);
  if (isWholeCompany) await tx.execute(sql`analyze dun_group`);
}

async function createStepTable(tx: Tx, { scenarios }: PlanOptions): Promise<void> {
  await tx.execute(sql`
    create temp table dun_step on commit drop as
    select * from jsonb_to_recordset(${JSON.stringify(scenarios.steps)}::jsonb)
      as s(v bigint, i int, key text, name text, scenario text, version int, off int, rel boolean, roff int,
           facing boolean, review boolean)`);
}

function customerFilter(options: PlanOptions, column: string): SQL {
  return options.customers === null ? sql`` : sql` and ${sql.raw(column)} in (${options.customers})`;
}

/** Open invoices that may be dunned today: not held, not disputed, not under a promise, customer not in credit. */
async function createItemTable(tx: Tx, options: PlanOptions): Promise<void> {
  const { companyId, runDate } = options;
  const day = sql`${runDate}::date`;
  await tx.execute(sql`
    create temp table dun_item on commit drop as
    with open_inv as (
      select i.id, i.customer_id, i.currency, i.number, i.type, i.amount_minor, i.open_amount_minor, i.due_date
      from invoice i
      where i.company_id = ${companyId} and i.status = 'open'${customerFilter(options, "i.customer_id")}
    ),
    tot as (
      select customer_id, currency, sum(open_amount_minor) as open_total,
        coalesce(sum(open_amount_minor) filter (where type = 'invoice' and due_date < ${day}), 0) as overdue_total,
        coalesce(max(amount_minor) filter (where type = 'invoice'), 0) as max_invoice
      from open_inv group by customer_id, currency
    ),
    cash as (
      select customer_id, currency, sum(unapplied_minor) as unapplied
      from payment
      where company_id = ${companyId} and unapplied_minor > 0 and customer_id is not null${customerFilter(options, "customer_id")}
      group by customer_id, currency
    ),
    cust as (
      select c.id, c.segment, c.payment_method, c.account_status, ${options.scenarios.assignment} as scenario_id
      from customer c
      left join tot t on t.customer_id = c.id and t.currency = c.currency
      where c.company_id = ${companyId}${customerFilter(options, "c.id")}
    ),
    held as (
      select d.invoice_id from dispute d
      where d.company_id = ${companyId} and d.status in ('open', 'under_review')
      union
      select pi.invoice_id from promise_invoice pi join promise_to_pay p on p.id = pi.promise_id
      where p.company_id = ${companyId} and p.status = 'open'
        and p.promised_date + coalesce(p.grace_days, ${options.promiseGraceDays}) >= ${day}
      union
      select h.invoice_id from dunning_hold h
      where h.company_id = ${companyId} and h.invoice_id is not null and h.released_at is null
        and (h.until_date is null or h.until_date >= ${day})
    ),
    held_customer as (
      select h.customer_id from dunning_hold h
      where h.company_id = ${companyId} and h.invoice_id is null and h.released_at is null
        and (h.until_date is null or h.until_date >= ${day})
      union
      select p.customer_id from promise_to_pay p
      where p.company_id = ${companyId} and p.status = 'open'
        and p.promised_date + coalesce(p.grace_days, ${options.promiseGraceDays}) >= ${day}
        and not exists (select 1 from promise_invoice pi where pi.promise_id = p.id)
    ),
    hist as (
      select s.invoice_id, min(s.version_id) as version_id, max(s.step_index) as last_idx,
        max(s.run_date) as last_date, count(*)::int as reminders
      from dunning_item_step s join open_inv o on o.id = s.invoice_id
      group by s.invoice_id
    )
    select o.id as invoice_id, o.customer_id, o.currency, o.number, o.amount_minor, o.open_amount_minor,
      o.due_date, (${day} - o.due_date) as days_past_due,
      coalesce(h.version_id, sc.current_version_id) as version_id,
      coalesce(h.last_idx, -1) as last_idx, h.last_date, coalesce(h.reminders, 0) as reminders,
      cu.segment, cu.payment_method, t.overdue_total
    from open_inv o
    join cust cu on cu.id = o.customer_id
    join tot t on t.customer_id = o.customer_id and t.currency = o.currency
    left join cash k on k.customer_id = o.customer_id and k.currency = o.currency
    left join hist h on h.invoice_id = o.id
    left join dunning_scenario sc on sc.id = cu.scenario_id
    where o.type = 'invoice' and o.open_amount_minor > 0
      and cu.account_status <> 'litigation'
      and t.open_total - coalesce(k.unapplied, 0) > 0
      and not exists (select 1 from held where held.invoice_id = o.id)
      and not exists (select 1 from held_customer hc where hc.customer_id = o.customer_id)`);
}

/**
 * The step each invoice reaches today: a step is due when its date has come (counted from the due date,
 * or from the day the previous step happened) and its conditions hold. Catch-up "latest" takes the most
 * advanced due step and passes over the older ones; "all" takes the oldest one, one step per run.
 */
async function createPickTable(tx: Tx, options: PlanOptions): Promise<void> {
  const order = options.catchUp === "latest" ? sql`s.i desc` : sql`s.i asc`;
  // One small lookup per invoice in the step table (a dozen rows) rather than a join that multiplies
  // every invoice by every step and sorts the lot: measured three times faster on a million invoices.
  await tx.execute(sql`
    create temp table dun_pick on commit drop as
    select e.*, s.i as step_index, s.off, s.key as step_key, s.facing
    from dun_item e
    cross join lateral (
      select s.i, s.off, s.key, s.facing from dun_step s
      where s.v = e.version_id and s.i > e.last_idx
        and (case when s.rel and e.last_idx = s.i - 1 then e.last_date + s.roff else e.due_date + s.off end)
          <= ${options.runDate}::date
        and ${options.scenarios.stepConditions}
      order by ${order}
      limit 1
    ) s`);
}

/**
 * One message per customer and currency, at the level of its most advanced invoice, listing every
 * overdue invoice. A message that reaches the customer is put off when the customer heard from us less
 * than the minimum gap ago, or already gets another message today (another currency).
 */
async function createGroupTable(tx: Tx, options: PlanOptions): Promise<void> {
  const { companyId, runDate } = options;
  const day = sql`${runDate}::date`;
  await tx.execute(sql`
    create temp table dun_group on commit drop as
    with lvl as (
      select distinct on (customer_id, currency) customer_id, currency, version_id, step_index, step_key,
        facing, number as level_number, days_past_due as level_days
      from dun_pick
      order by customer_id, currency, off desc, step_index desc, days_past_due desc, invoice_id
    ),
    agg as (
      select customer_id, currency, max(amount_minor) as max_amount, max(days_past_due) as max_days,
        max(reminders) as max_reminders, min(segment) as segment, min(payment_method) as payment_method,
        max(overdue_total) as overdue_total
      from dun_pick group by customer_id, currency
    ),
    listed as (
      select e.customer_id, e.currency,
        array_agg(e.invoice_id order by e.due_date, e.invoice_id) as invoice_ids,
        array_agg(e.number order by e.due_date, e.invoice_id) as invoice_numbers,
        sum(e.open_amount_minor) as amount
      from dun_item e
      where (e.due_date < ${day} or exists (select 1 from dun_pick p where p.invoice_id = e.invoice_id))
        and exists (select 1 from lvl where lvl.customer_id = e.customer_id and lvl.currency = e.currency)
      group by e.customer_id, e.currency
    ),
    last_contact as (
      select a.customer_id, max(a.run_date) as last_date
      from dunning_action a
      where a.company_id = ${companyId} and a.type in (${FACING})
        and a.status in ('pending_review', 'planned', 'done')${customerFilter(options, "a.customer_id")}
      group by a.customer_id
    ),
    ranked as (
      select lvl.*, agg.max_amount, agg.max_days, agg.max_reminders, agg.segment, agg.payment_method,
        agg.overdue_total, listed.invoice_ids, listed.invoice_numbers, listed.amount, lc.last_date,
        row_number() over (partition by lvl.customer_id, lvl.facing order by lvl.level_days desc, lvl.currency)
          as nth_today
      from lvl
      join agg using (customer_id, currency)
      join listed using (customer_id, currency)
      left join last_contact lc on lc.customer_id = lvl.customer_id
    )
    select r.*, concat_ws(':', r.customer_id, r.currency, ${runDate}::text) as group_key,
      case
        when r.facing and r.last_date = ${day} then 'same_day'
        when r.facing and r.last_date is not null and abs(${day} - r.last_date) < greatest(${options.minGapDays}, 1)
          then 'gap'
        when r.facing and r.nth_today > 1 then 'same_day'
      end as deferred
    from ranked r`);
}
