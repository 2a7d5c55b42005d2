import type { Tx } from "../../db/client";
import type { IsoDate } from "../../shared/dates";
import { formatMajor, money } from "../../shared/money";
import { recordActivity, recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../users/users.types";
import { checkCreditLimits } from "./check-credit-limits";
import { type DuePromiseRow, selectDuePromises, settlePromises } from "./promises.repo";
import { insertAlerts, insertTasks, selectCompanyDays } from "./workbench.repo";
import { promiseOutcome } from "./workbench.rules";
import type { PromiseCheckItem } from "./workbench.schemas";
import { promiseAlertMessage, promiseTaskTitle } from "./workbench.texts";

export type CheckPromisesOptions = {
  /** One company; all of them when absent. */
  companyId?: number;
};

/**
 * The daily check of promises to pay. For each open promise whose deadline (promised date + grace days) is
 * before `asOf` (default: today in each company's time zone), what was paid towards it decides: kept, partly
 * kept or broken. A promise not kept gets a high-priority call task and an alert for the customer's collector
 * (else the person who took the promise; else every credit manager), and the timeline says so. Its dunning
 * hold ends with it. Safe to run twice or in two processes: a promise is moved from open once. The same pass
 * raises the credit-limit alerts (check-credit-limits.ts).
 */
export async function checkPromises(
  ctx: AppContext,
  asOf?: IsoDate,
  options: CheckPromisesOptions = {},
): Promise<PromiseCheckItem[]> {
  const checked: PromiseCheckItem[] = [];
  for (const company of await selectCompanyDays(ctx.db, ctx.clock.now(), options.companyId)) {
    const date = asOf ?? company.today;
    // The same daily pass raises the credit-limit alerts (the scheduler runs it for each company).
    await checkCreditLimits(ctx, company);
    const due = await selectDuePromises(ctx.db, company.id, date);
    if (due.length === 0) continue;
    const items = await ctx.db.transaction((tx) => settleCompany(tx, { due, date, now: ctx.clock.now() }));
    checked.push(...items);
  }
  return checked;
}

async function settleCompany(
  tx: Tx,
  { due, date, now }: { due: DuePromiseRow[]; date: string; now: Date },
): Promise<PromiseCheckItem[]> {
  const decided = due.map((p) => ({ ...p, status: promiseOutcome(p.amount_minor, p.paid_minor) }));
  const moved = new Set(
    await settlePromises(
      tx,
      decided.map((p) => ({ id: p.id, status: p.status })),
      now,
    ),
  );
  const settled = decided.filter((p) => moved.has(p.id));
  const notKept = settled.flatMap((p) => (p.status === "kept" ? [] : [{ ...p, status: p.status }]));
  const facts = (p: (typeof notKept)[number]) => ({
    customerName: p.customer_name,
    promised: money(p.amount_minor, p.currency),
    paid: money(p.paid_minor, p.currency),
    promisedDate: p.promised_date,
    outcome: p.status,
  });
  const assignee = (p: DuePromiseRow) => p.collector_id ?? p.created_by_id;
  const taskIds = await insertTasks(
    tx,
    notKept.map((p) => ({
      companyId: p.company_id,
      customerId: p.customer_id,
      type: "call",
      title: promiseTaskTitle(facts(p), p.language),
      priority: "high" as const,
      assigneeId: assignee(p),
      dueDate: date,
      invoiceIds: p.invoice_ids,
      createdById: null,
    })),
  );
  await insertAlerts(
    tx,
    notKept.map((p) => ({
      companyId: p.company_id,
      customerId: p.customer_id,
      userId: assignee(p),
      kind: `promise_${p.status}`,
      message: promiseAlertMessage(facts(p), p.language),
    })),
  );
  const taskOf = new Map(notKept.map((p, index) => [p.id, taskIds[index] ?? null]));
  const items: PromiseCheckItem[] = [];
  for (const p of settled) {
    const item: PromiseCheckItem = {
      promiseId: p.id,
      companyId: p.company_id,
      customerId: p.customer_id,
      customerRef: p.customer_ref,
      status: p.status,
      amount: formatMajor(money(p.amount_minor, p.currency)),
      paid: formatMajor(money(p.paid_minor, p.currency)),
      currency: p.currency,
      promisedDate: p.promised_date,
      deadline: p.deadline,
      asOf: date,
      taskId: taskOf.get(p.id) ?? null,
    };
    await recordTrace(tx, item, now);
    items.push(item);
  }
  return items;
}

const SUMMARIES = { kept: "kept", partly_kept: "partly kept", broken: "broken" } as const;

async function recordTrace(tx: Tx, item: PromiseCheckItem, now: Date): Promise<void> {
  const { promiseId, status, amount, paid, currency, promisedDate, taskId } = item;
  await recordAudit(tx, {
    actor: SYSTEM_ACTOR,
    action: "check",
    entity: "promise_to_pay",
    entityId: promiseId,
    before: { status: "open" },
    after: { status, paid, asOf: item.asOf },
  });
  const followUp = taskId === null ? "" : "; a call task and an alert were created";
  await recordActivity(tx, {
    companyId: item.companyId,
    customerId: item.customerId,
    type: `promise_${status}`,
    occurredAt: now,
    summary: `Promise to pay ${amount} ${currency} by ${promisedDate} ${SUMMARIES[status]}: ${paid} ${currency} received${followUp}`,
    data: { promiseId, status, amount, paid, currency, promisedDate, deadline: item.deadline, taskId },
  });
}
