import type { AppContext } from "../context";
import { selectTasksForExport } from "./workbench-export.repo";

export const TASK_EXPORT_COLUMNS = [
  "type",
  "customer_ref",
  "scenario",
  "step",
  "recipient",
  "due_date",
  "status",
  "title",
  "priority",
] as const;

/** `encours export tasks`: collectors' tasks; `recipient` is the assignee's email. */
export async function exportTasks(
  ctx: AppContext,
  query: { companyId?: number },
): Promise<Record<string, string | null>[]> {
  return selectTasksForExport(ctx.db, query.companyId);
}
