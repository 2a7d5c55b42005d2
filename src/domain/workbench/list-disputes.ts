import type { AppContext } from "../context";
import { decimal } from "../ledger/ledger.rules";
import { portfolioScope } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { countDisputes, type DisputeRow, selectCustomerDisputes, selectDisputes } from "./disputes.repo";
import { getWorkCustomer } from "./work-customer";
import {
  DISPUTE_TRANSITIONS,
  type Dispute,
  type DisputeList,
  type DisputeListQuery,
  type DisputePage,
} from "./workbench.schemas";

export function toDispute(row: DisputeRow): Dispute {
  return {
    id: row.id,
    companyId: row.company_id,
    customer: { id: row.customer_id, name: row.customer_name, externalRef: row.customer_ref },
    invoice: {
      id: row.invoice_id,
      number: row.invoice_number,
      dueDate: row.invoice_due_date,
      openAmount: decimal(row.invoice_open_minor, row.invoice_currency),
    },
    amount: decimal(row.amount_minor, row.currency),
    currency: row.currency,
    reason: row.reason,
    reasonLabel: { fr: row.reason_label_fr, en: row.reason_label_en },
    status: row.status,
    owner: row.owner_id === null ? null : { id: row.owner_id, name: row.owner_name ?? "" },
    department:
      row.owner_department_id === null
        ? null
        : { id: row.owner_department_id, name: row.department_name ?? "" },
    deadline: row.deadline,
    isPastDeadline: row.is_past_deadline,
    note: row.note,
    resolutionNote: row.resolution_note,
    openedOn: row.opened_on,
    ageDays: row.age_days,
    allowedTransitions: [...DISPUTE_TRANSITIONS[row.status]],
    createdBy: row.created_by_id === null ? null : { id: row.created_by_id, name: row.created_by_name ?? "" },
    createdAt: new Date(row.created_at).toISOString(),
    closedAt: row.closed_at === null ? null : new Date(row.closed_at).toISOString(),
  };
}

/** One customer's disputes: held ones first, the oldest first. */
export async function listCustomerDisputes(
  ctx: AppContext,
  actor: Actor,
  customerId: number,
): Promise<DisputeList> {
  await getWorkCustomer(ctx, actor, customerId);
  const rows = await selectCustomerDisputes(ctx.db, customerId, ctx.clock.now());
  return { items: rows.map(toDispute) };
}

/** Disputes across the customers the actor may see, by status, owner, department and company, the oldest first. */
export async function listDisputes(
  ctx: AppContext,
  actor: Actor,
  query: DisputeListQuery,
): Promise<DisputePage> {
  const { page, pageSize, ...filters } = query;
  const filter = { ...filters, scope: portfolioScope(actor) };
  const rows = await selectDisputes(ctx.db, filter, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
    now: ctx.clock.now(),
  });
  return { items: rows.map(toDispute), total: await countDisputes(ctx.db, filter), page, pageSize };
}
