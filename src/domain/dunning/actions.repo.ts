import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { decimalSql } from "../../db/money-sql";
import {
  type ActionReason,
  type ActionStatus,
  type ActionType,
  MESSAGE_TYPES,
  type PlannedAction,
} from "./dunning.schemas";

/** A list of action types as SQL literals, for `type in (…)`; the values come from the schema's enum. */
export function actionTypesSql(types: readonly ActionType[]): SQL {
  return sql.raw(types.map((t) => `'${t}'`).join(", "));
}

type ActionDbRow = {
  id: number;
  run_date: string;
  customer_id: number;
  customer_ref: string;
  customer_name: string;
  company_id: number;
  currency: string;
  invoice_numbers: string[] | null;
  scenario: string;
  scenario_version: number;
  step_key: string;
  step_name: string | null;
  type: ActionType;
  channel: string;
  recipient: string | null;
  reason: string;
  reason_data: Partial<ActionReason>;
  params: Record<string, unknown>;
  status: ActionStatus;
  status_reason: string | null;
  scheduled_at: Date;
  amount: string;
};

function toPlannedAction(row: ActionDbRow): PlannedAction {
  return {
    id: row.id,
    runDate: row.run_date as PlannedAction["runDate"],
    customer: { id: row.customer_id, externalRef: row.customer_ref, name: row.customer_name },
    companyId: row.company_id,
    currency: row.currency,
    invoiceNumbers: row.invoice_numbers ?? [],
    scenario: row.scenario,
    scenarioVersion: row.scenario_version,
    step: row.step_key,
    stepName: row.step_name ?? row.step_key,
    type: row.type,
    channel: row.channel,
    recipient: row.recipient,
    reason: row.reason,
    reasonData: row.reason_data,
    params: row.params,
    status: row.status,
    statusReason: row.status_reason,
    scheduledAt: new Date(row.scheduled_at).toISOString(),
    amount: row.amount,
  };
}

/** Planned actions with what a reader needs (customer, invoice numbers, scenario), newest first. */
export async function selectActions(db: Queryable, where: SQL, limit?: number): Promise<PlannedAction[]> {
  const result = await db.execute<ActionDbRow>(sql`
    select a.id, a.run_date::text as run_date, a.customer_id, c.external_ref as customer_ref,
      c.name as customer_name, a.company_id, a.currency,
      (select array_agg(i.number order by i.due_date, i.id) from invoice i where i.id = any(a.invoice_ids))
        as invoice_numbers,
      s.name as scenario, v.version as scenario_version, a.step_key, a.reason_data->>'step' as step_name,
      a.type, a.channel, a.recipient, a.reason, a.reason_data, a.params, a.status, a.status_reason,
      a.scheduled_at, ${decimalSql("a.amount_minor", "a.currency")} as amount
    from dunning_action a
    join customer c on c.id = a.customer_id
    join dunning_scenario_version v on v.id = a.version_id
    join dunning_scenario s on s.id = v.scenario_id
    where ${where}
    order by a.run_date desc, c.name, a.customer_id, a.currency, a.action_index
    ${limit === undefined ? sql`` : sql`limit ${limit}`}`);
  return result.rows.map(toPlannedAction);
}

/** Actions the run planned for messages whose items were all settled since: they must not go out. */
export async function cancelSettledActions(db: Queryable, companyId: number): Promise<number> {
  const cancelled = await db.execute<{ id: number }>(sql`
    update dunning_action a
    set status = 'cancelled', status_reason = 'the invoices were paid or closed before delivery', updated_at = now()
    where a.company_id = ${companyId} and a.status in ('planned', 'pending_review')
      and a.type in (${actionTypesSql(MESSAGE_TYPES)})
      and not exists (select 1 from invoice i where i.id = any(a.invoice_ids) and i.status = 'open')
      and not exists (select 1 from outbox o where o.action_id = a.id and o.status in ('sending', 'sent'))
    returning a.id`);
  if (cancelled.rows.length > 0) {
    await db.execute(sql`
      update outbox set status = 'cancelled', last_error = 'the invoices were paid or closed before delivery'
      where status in ('queued', 'failed')
        and action_id in (select (jsonb_array_elements_text(${JSON.stringify(cancelled.rows.map((r) => r.id))}::jsonb))::bigint)`);
  }
  return cancelled.rows.length;
}

export type DeferredRow = {
  customer_id: number;
  customer_ref: string;
  customer_name: string;
  currency: string;
  step_key: string;
  step_name: string;
  deferred: "gap" | "same_day";
  last_date: string | null;
};

/** Customer messages contact pressure put off today, with the step they were at and the last contact. */
export async function selectDeferredGroups(db: Queryable): Promise<DeferredRow[]> {
  const result = await db.execute<DeferredRow>(sql`
    select g.customer_id, c.external_ref as customer_ref, c.name as customer_name, g.currency, g.step_key,
      s.name as step_name, g.deferred, g.last_date::text as last_date
    from dun_group g
    join customer c on c.id = g.customer_id
    join dun_step s on s.v = g.version_id and s.i = g.step_index
    where g.deferred is not null
    order by c.name, g.customer_id, g.currency`);
  return result.rows;
}
