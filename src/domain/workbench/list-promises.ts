import { DomainError } from "../../shared/errors";
import type { AppContext } from "../context";
import { decimal } from "../ledger/ledger.rules";
import type { Actor } from "../users/users.types";
import {
  countPromisesByStatus,
  findPromiseRow,
  type PromiseRow,
  selectCustomerPromises,
} from "./promises.repo";
import { getWorkCustomer } from "./work-customer";
import { keptRatePercent } from "./workbench.rules";
import type { PromiseList, PromiseToPay } from "./workbench.schemas";

export function toPromiseToPay(row: PromiseRow): PromiseToPay {
  return {
    id: row.id,
    customerId: row.customer_id,
    status: row.status,
    amount: decimal(row.amount_minor, row.currency),
    paid: decimal(row.paid_minor, row.currency),
    currency: row.currency,
    promisedDate: row.promised_date,
    graceDays: row.grace_days,
    deadline: row.deadline,
    madeOn: row.made_on,
    channel: row.channel,
    note: row.note,
    invoices: row.invoices,
    createdBy: row.created_by_id === null ? null : { id: row.created_by_id, name: row.created_by_name ?? "" },
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The customer's promises to pay, newest promised date first, with its promise-kept rate. */
export async function listCustomerPromises(
  ctx: AppContext,
  actor: Actor,
  customerId: number,
): Promise<PromiseList> {
  await getWorkCustomer(ctx, actor, customerId);
  const rows = await selectCustomerPromises(ctx.db, customerId);
  const byStatus = await countPromisesByStatus(ctx.db, customerId);
  const counts = {
    open: byStatus.open,
    kept: byStatus.kept,
    partlyKept: byStatus.partly_kept,
    broken: byStatus.broken,
    cancelled: byStatus.cancelled,
  };
  return { items: rows.map(toPromiseToPay), keptRate: keptRatePercent(counts), counts };
}

/** One promise as the API shows it; the caller has already checked access to its customer. */
export async function getPromise(ctx: AppContext, id: number): Promise<PromiseToPay> {
  const row = await findPromiseRow(ctx.db, id);
  if (!row) throw new DomainError("NOT_FOUND", `Promise ${id} was not found`, { entity: "Promise", id });
  return toPromiseToPay(row);
}
