import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";

export type ActionExportRow = {
  type: string;
  customer_ref: string;
  scenario: string;
  step: string;
  recipient: string | null;
  due_date: string;
  status: string;
  channel: string;
  invoice_numbers: string;
  amount_minor: string;
  currency: string;
  reason: string;
};

/** Every planned dunning action with its scenario, step and invoices, oldest run first. */
export async function selectActionsForExport(q: Queryable, companyId?: number): Promise<ActionExportRow[]> {
  const result = await q.execute<ActionExportRow>(sql`
    select a.type::text, c.external_ref as customer_ref, s.code as scenario, a.step_key as step, a.recipient,
      a.run_date::text as due_date, a.status::text, a.channel,
      coalesce((select string_agg(i.number, ' ' order by i.number) from invoice i where i.id = any(a.invoice_ids)), '')
        as invoice_numbers,
      a.amount_minor::text, a.currency, a.reason
    from dunning_action a
    join customer c on c.id = a.customer_id
    join dunning_scenario_version v on v.id = a.version_id
    join dunning_scenario s on s.id = v.scenario_id
    where ${companyId === undefined ? sql`true` : sql`a.company_id = ${companyId}`}
    order by a.run_date, a.id`);
  return result.rows;
}
