import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { actionTypesSql } from "./actions.repo";
import type { CompiledScenarios } from "./compile-scenarios";
import { INSTANT_TYPES, MESSAGE_TYPES } from "./dunning.schemas";

const INSTANT = actionTypesSql(INSTANT_TYPES);

/** Who an action goes to, in words: addresses for messages, the assignee for a task, the new status. */
const RECIPIENT = sql.raw(`
  case
    when x.type in ('email', 'statement') then coalesce(
      (select string_agg(ct.email, ', ' order by ct.is_primary desc, ct.id) from contact ct
        where ct.customer_id = g.customer_id and ct.email is not null
          and (jsonb_array_length(x.params->'contactRoles') = 0 or ct.role in
            (select jsonb_array_elements_text(x.params->'contactRoles')))),
      c.email)
    when x.type = 'sms' then coalesce(
      (select ct.phone from contact ct
        where ct.customer_id = g.customer_id and ct.phone is not null
          and (jsonb_array_length(x.params->'contactRoles') = 0 or ct.role in
            (select jsonb_array_elements_text(x.params->'contactRoles')))
        order by ct.is_primary desc, ct.id limit 1),
      c.phone)
    when x.type = 'letter' then concat_ws(', ', c.name, c.address_line1, c.address_line2,
      nullif(concat_ws(' ', c.postal_code, c.city), ''))
    when x.type in ('internal_email', 'alert') then nullif(concat_ws(', ',
      case when x.params->'recipients' ? 'sales_rep' then sr.email end,
      case when x.params->'recipients' ? 'collector' then col.email end,
      case when x.params->'recipients' ? 'collection_department' then co.collection_email end,
      case when x.params->'recipients' ? 'credit_manager' then 'credit managers' end), '')
    when x.type = 'task' then case x.params->>'assigneeRole'
      when 'collector' then col.email when 'sales_rep' then sr.email else 'credit managers' end
    when x.type = 'status_change' then x.params->>'status'
    when x.type = 'litigation' then 'litigation'
  end`);

/** The reason, in the run's own words; reason_data lets the web say it in the reader's language. */
const REASON = sql.raw(`
  case
    when g.level_days > 0 then format('invoice %s is %s days past due', g.level_number, g.level_days)
    when g.level_days = 0 then format('invoice %s is due today', g.level_number)
    else format('invoice %s is due in %s days', g.level_number, -g.level_days)
  end
  || format('; scenario %s step %s', x.scenario, x.step_name)
  || coalesce((select '; condition ' || string_agg(cond, ', ') || ' met'
      from jsonb_array_elements_text(x.conditions) cond), '')
  || case cardinality(g.invoice_ids)
      when 1 then ''
      when 2 then '; 1 other overdue invoice listed'
      else format('; %s other overdue invoices listed', cardinality(g.invoice_ids) - 1) end`);

/** Writes the day's planned actions and the steps the invoices reached; returns how many of each. */
export async function writePlan(
  tx: Tx,
  input: { runId: number; runDate: string; scheduledAt: Date; scenarios: CompiledScenarios },
): Promise<{ actions: number; items: number }> {
  const actions = await tx.execute(sql`
    insert into dunning_action (company_id, customer_id, currency, run_date, run_id, group_key, action_index,
      version_id, step_index, step_key, type, channel, recipient, invoice_ids, amount_minor, reason, reason_data,
      params, status, scheduled_at)
    select c.company_id, g.customer_id, g.currency, ${input.runDate}::date, ${input.runId}, g.group_key, x.a,
      g.version_id, g.step_index, g.step_key, x.type::dunning_action_type, x.channel, ${RECIPIENT},
      g.invoice_ids, g.amount, ${REASON},
      jsonb_build_object('invoiceNumber', g.level_number, 'daysPastDue', g.level_days, 'scenario', x.scenario,
        'step', x.step_name, 'conditions', x.conditions, 'conditionData', x.condition_data,
        'otherInvoices', cardinality(g.invoice_ids) - 1),
      x.params,
      (case when x.review then 'pending_review' when x.type in (${INSTANT}) then 'done' else 'planned' end)
        ::dunning_action_status,
      ${input.scheduledAt.toISOString()}::timestamptz
    from dun_group g
    join jsonb_to_recordset(${JSON.stringify(input.scenarios.actions)}::jsonb)
      as x(v bigint, i int, a int, type text, channel text, review boolean, step_key text, step_name text,
           scenario text, conditions jsonb, condition_data jsonb, params jsonb)
      on x.v = g.version_id and x.i = g.step_index
    join customer c on c.id = g.customer_id
    join company co on co.id = c.company_id
    left join app_user sr on sr.id = c.sales_rep_id
    left join app_user col on col.id = c.collector_id
    where g.deferred is null and ${input.scenarios.actionConditions}
    on conflict (group_key, action_index) do nothing`);
  const items = await tx.execute(sql`
    insert into dunning_item_step (invoice_id, version_id, step_index, run_date, group_key)
    select p.invoice_id, p.version_id, p.step_index, ${input.runDate}::date, g.group_key
    from dun_pick p join dun_group g using (customer_id, currency)
    where g.deferred is null
    order by p.invoice_id -- in key order: the primary key's pages are filled one after the other
    on conflict do nothing`);
  return { actions: actions.rowCount ?? 0, items: items.rowCount ?? 0 };
}

/**
 * What an action does once it is decided (by the run, or by a reviewer's approval): messages go to the
 * outbox, tasks and alerts are created, the customer's status changes; and the customer's timeline says so.
 * `which` selects the actions (those of a run, or those just approved), all in the caller's transaction.
 */
export async function applyActionEffects(tx: Tx, which: SQL): Promise<void> {
  await tx.execute(sql`
    insert into outbox (company_id, customer_id, action_id, channel, recipient, not_before, payload)
    select a.company_id, a.customer_id, a.id, a.channel, a.recipient, a.scheduled_at,
      jsonb_build_object('type', a.type, 'template', a.params->>'template', 'note', a.params->>'note')
    from dunning_action a
    where ${which} and a.status = 'planned' and a.type in (${actionTypesSql(MESSAGE_TYPES)})
    on conflict (action_id) do nothing`);
  await tx.execute(sql`
    insert into task (company_id, customer_id, type, title, priority, assignee_id, due_date, action_id, invoice_ids)
    select a.company_id, a.customer_id, coalesce(a.params->>'taskType', 'review'),
      coalesce(a.params->>'note', a.params->>'title', a.reason_data->>'step', 'Dunning task'),
      coalesce(a.params->>'priority', 'normal'),
      case a.params->>'assigneeRole' when 'collector' then c.collector_id when 'sales_rep' then c.sales_rep_id end,
      a.run_date + coalesce((a.params->>'dueInDays')::int, 0), a.id, a.invoice_ids
    from dunning_action a join customer c on c.id = a.customer_id
    where ${which} and a.status = 'done' and a.type = 'task'
      and not exists (select 1 from task t where t.action_id = a.id)`);
  await tx.execute(sql`
    insert into alert (company_id, customer_id, user_id, kind, message, action_id)
    select a.company_id, a.customer_id,
      case r.who when 'collector' then c.collector_id when 'sales_rep' then c.sales_rep_id end,
      'dunning', coalesce(a.params->>'note', a.params->>'title', a.reason_data->>'step', 'Dunning') || ' — ' || c.name,
      a.id
    from dunning_action a join customer c on c.id = a.customer_id
    cross join lateral jsonb_array_elements_text(coalesce(a.params->'recipients', '[]'::jsonb)) r(who)
    where ${which} and a.status = 'done' and a.type = 'alert'
      and not exists (select 1 from alert al where al.action_id = a.id)`);
  await tx.execute(sql`
    update customer c set account_status = s.status, updated_at = now()
    from (
      select distinct on (a.customer_id) a.customer_id,
        case when a.type = 'litigation' then 'litigation' else a.params->>'status' end as status
      from dunning_action a
      where ${which} and a.status = 'done' and a.type in ('status_change', 'litigation')
      order by a.customer_id, a.id desc
    ) s
    where c.id = s.customer_id and c.account_status is distinct from s.status`);
  await tx.execute(sql`
    insert into activity (company_id, customer_id, type, occurred_at, summary, data)
    select a.company_id, a.customer_id, 'dunning_step', now(),
      'Dunning: ' || min(a.reason_data->>'scenario') || ' ' || min(a.reason_data->>'step') || ' — '
        || string_agg(a.type::text || coalesce(' to ' || a.recipient, ''), ', ' order by a.action_index),
      jsonb_build_object('groupKey', a.group_key, 'actionIds', jsonb_agg(a.id order by a.action_index),
        'status', min(a.status::text), 'scenario', min(a.reason_data->>'scenario'), 'step', min(a.reason_data->>'step'),
        'actions', jsonb_agg(jsonb_build_object('type', a.type, 'recipient', a.recipient) order by a.action_index))
    from dunning_action a
    where ${which} and a.status in ('planned', 'done')
    group by a.company_id, a.customer_id, a.group_key`);
}
