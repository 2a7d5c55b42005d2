import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";

export type TaskExportRow = {
  type: string;
  customer_ref: string | null;
  scenario: string | null;
  step: string | null;
  recipient: string | null;
  due_date: string;
  status: string;
  title: string;
  priority: string;
};

/** Every task, with the scenario and step of the dunning action that created it (if any). */
export async function selectTasksForExport(q: Queryable, companyId?: number): Promise<TaskExportRow[]> {
  const result = await q.execute<TaskExportRow>(sql`
    select t.type, c.external_ref as customer_ref, s.code as scenario, a.step_key as step,
      u.email as recipient, t.due_date::text, t.status::text, t.title, t.priority
    from task t
    left join customer c on c.id = t.customer_id
    left join app_user u on u.id = t.assignee_id
    left join dunning_action a on a.id = t.action_id
    left join dunning_scenario_version v on v.id = a.version_id
    left join dunning_scenario s on s.id = v.scenario_id
    where ${companyId === undefined ? sql`true` : sql`t.company_id = ${companyId}`}
    order by t.due_date, t.id`);
  return result.rows;
}
