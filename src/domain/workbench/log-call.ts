import type { Tx } from "../../db/client";
import { compareDates } from "../../shared/dates";
import { DomainError, type FieldIssue, isDomainError, validationError } from "../../shared/errors";
import { recordActivity, recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { selectDisputesByIds } from "./disputes.repo";
import { toDispute } from "./list-disputes";
import { getPromise } from "./list-promises";
import { type DisputePlan, prepareDisputes, writeDisputes } from "./open-dispute";
import { type PromisePlan, preparePromise, writePromise } from "./record-promise";
import { getWorkCustomer } from "./work-customer";
import { findActiveUser, findContactOf, insertTasks, type WorkCustomerRow } from "./workbench.repo";
import type { CallResult, LogCallInput, NextTaskInput, WorkTask } from "./workbench.schemas";
import { defaultCallTaskTitle } from "./workbench.texts";

type TaskPlan = Omit<WorkTask, "id"> & { companyId: number; customerId: number };

/** Runs the preparation of an inline part and names its fields from the call's input ("promise.amount"). */
async function within<T>(prefix: string, prepare: () => Promise<T>): Promise<T> {
  try {
    return await prepare();
  } catch (error) {
    if (!isDomainError(error) || error.code !== "VALIDATION") throw error;
    const issues = (error.details.issues ?? []).map((issue) => ({
      ...issue,
      field: `${prefix}.${issue.field}`,
    }));
    throw new DomainError("VALIDATION", error.message, { ...error.details, issues });
  }
}

async function prepareTask(
  ctx: AppContext,
  actor: Actor,
  { customer, input }: { customer: WorkCustomerRow; input: NextTaskInput },
): Promise<TaskPlan> {
  const today = ctx.clock.today(customer.time_zone);
  const issues: FieldIssue[] = [];
  if (compareDates(input.dueDate, today) < 0)
    issues.push({ field: "nextTask.dueDate", value: input.dueDate, message: `must be ${today} or later` });
  const assigneeId = input.assigneeId ?? actor.userId ?? customer.collector_id;
  const assignee = assigneeId === null ? null : await findActiveUser(ctx.db, assigneeId);
  if (assigneeId !== null && !assignee)
    issues.push({ field: "nextTask.assigneeId", value: assigneeId, message: "is not an active user" });
  if (issues.length > 0) throw validationError("Invalid next task", issues);
  return {
    companyId: customer.company_id,
    customerId: customer.id,
    type: input.type,
    title:
      input.title ??
      defaultCallTaskTitle({
        type: input.type,
        customerName: customer.name,
        languageCode: assignee?.language ?? customer.language,
      }),
    priority: "normal",
    dueDate: input.dueDate,
    assignee: assignee ? { id: assignee.id, name: assignee.name } : null,
  };
}

type CallPlan = {
  customer: WorkCustomerRow;
  contact: { id: number; name: string; phone: string | null } | null;
  input: LogCallInput;
  promise: PromisePlan | null;
  dispute: DisputePlan | null;
  task: TaskPlan | null;
};

/**
 * Logs a call to a customer, with what came of it: optionally a promise to pay, a dispute and the next task,
 * all checked first and written in one transaction (one invalid part and nothing is written). The call
 * itself is a timeline entry of type "call".
 */
export async function logCall(
  ctx: AppContext,
  actor: Actor,
  customerId: number,
  input: LogCallInput,
): Promise<CallResult> {
  const customer = await getWorkCustomer(ctx, actor, customerId);
  const contactId = input.contactId ?? null;
  const contact = contactId === null ? null : await findContactOf(ctx.db, customer.id, contactId);
  if (contactId !== null && !contact) {
    throw validationError("Unknown contact", [
      { field: "contactId", value: contactId, message: "not a contact of this customer" },
    ]);
  }
  const { promise, dispute, nextTask } = input;
  const plan: CallPlan = {
    customer,
    contact,
    input,
    promise: promise ? await within("promise", () => preparePromise(ctx, customer, promise)) : null,
    dispute: dispute ? await within("dispute", () => prepareDisputes(ctx, customer, dispute)) : null,
    task: nextTask ? await prepareTask(ctx, actor, { customer, input: nextTask }) : null,
  };
  const now = ctx.clock.now();
  const written = await ctx.db.transaction((tx) => writeCall(tx, { actor, plan, now }));
  return {
    outcome: input.outcome,
    promise: written.promiseId === null ? null : await getPromise(ctx, written.promiseId),
    disputes: (await selectDisputesByIds(ctx.db, written.disputeIds, now)).map(toDispute),
    task: plan.task && written.taskId !== null ? { ...taskReply(plan.task), id: written.taskId } : null,
  };
}

function taskReply({ companyId: _c, customerId: _u, ...task }: TaskPlan): Omit<WorkTask, "id"> {
  return task;
}

async function writeCall(tx: Tx, { actor, plan, now }: { actor: Actor; plan: CallPlan; now: Date }) {
  const { customer, contact, input } = plan;
  const promiseId = plan.promise ? await writePromise(tx, actor, plan.promise, now) : null;
  const disputeIds = plan.dispute ? await writeDisputes(tx, actor, plan.dispute, now) : [];
  let taskId: number | null = null;
  if (plan.task) {
    const { assignee, ...task } = plan.task;
    [taskId = null] = await insertTasks(tx, [
      {
        ...task,
        priority: "normal",
        assigneeId: assignee?.id ?? null,
        invoiceIds: [],
        createdById: actor.userId,
      },
    ]);
    await recordAudit(tx, { actor, action: "create", entity: "task", entityId: taskId, after: plan.task });
  }
  const data = {
    contactId: contact?.id ?? null,
    contactName: contact?.name ?? null,
    phone: contact?.phone ?? null,
    outcome: input.outcome,
    note: input.note || null,
    promiseId,
    disputeIds,
    taskId,
  };
  await recordAudit(tx, {
    actor,
    action: "log_call",
    entity: "customer",
    entityId: customer.id,
    after: data,
  });
  await recordActivity(tx, {
    companyId: customer.company_id,
    customerId: customer.id,
    type: "call",
    actorId: actor.userId,
    occurredAt: now,
    summary: `Call${contact ? ` to ${contact.name}` : ""}: ${input.outcome.replace("_", " ")}${data.note ? ` — ${data.note}` : ""}`,
    data,
  });
  return { promiseId, disputeIds, taskId };
}
