import type { Tx } from "../../db/client";
import { compareDates } from "../../shared/dates";
import { DomainError, type FieldIssue, validationError } from "../../shared/errors";
import { formatMajor, type Money, parseMajor } from "../../shared/money";
import { LanguageCode } from "../../shared/schemas";
import { recordActivity, recordAudit } from "../audit/audit.repo";
import { DISPUTE_OWNER_TEMPLATE, queueInternalEmail } from "../communications/internal-email";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { insertDisputes, selectDisputesByIds } from "./disputes.repo";
import { type ActiveDepartment, findActiveDepartment } from "./list-departments";
import { type ActiveDisputeReason, findActiveDisputeReason } from "./list-dispute-reasons";
import { toDispute } from "./list-disputes";
import { getWorkCustomer } from "./work-customer";
import { checkWorkInvoices } from "./work-invoices";
import { findActiveUser, insertAlerts, type WorkCustomerRow } from "./workbench.repo";
import type { Dispute, OpenDisputeInput } from "./workbench.schemas";
import { disputeOwnerMessage } from "./workbench.texts";

/** Disputes checked against the database, ready to be written (alone or inside a logged call). */
export type DisputePlan = {
  customer: WorkCustomerRow;
  items: { invoiceId: number; number: string; amount: Money }[];
  reason: ActiveDisputeReason;
  owner: { id: number; name: string; email: string; language: string } | null;
  department: ActiveDepartment | null;
  deadline: string | null;
  note: string | null;
};

function amountOf(text: string | undefined, openMinor: number, currency: string, index: number): Money {
  const field = `invoices.${index}.amount`;
  if (text === undefined) return { minor: openMinor, currency };
  let amount: Money;
  try {
    amount = parseMajor(text, currency);
  } catch (error) {
    const message = error instanceof RangeError ? error.message : "is not an amount";
    throw validationError("Invalid disputed amount", [{ field, value: text, message }]);
  }
  if (amount.minor > openMinor) {
    const open = formatMajor({ minor: openMinor, currency });
    throw validationError("A dispute cannot exceed what the invoice still owes", [
      { field, value: text, message: `must not exceed the open amount of the invoice, ${open} ${currency}` },
    ]);
  }
  return amount;
}

export async function prepareDisputes(
  ctx: AppContext,
  customer: WorkCustomerRow,
  input: OpenDisputeInput,
): Promise<DisputePlan> {
  const today = ctx.clock.today(customer.time_zone);
  const issues: FieldIssue[] = [];
  if (input.deadline !== undefined && compareDates(input.deadline, today) < 0)
    issues.push({ field: "deadline", value: input.deadline, message: `must be ${today} or later` });
  const ownerId = input.ownerId ?? null;
  const owner = ownerId === null ? null : await findActiveUser(ctx.db, ownerId);
  if (ownerId !== null && !owner)
    issues.push({ field: "ownerId", value: ownerId, message: "is not an active user" });
  const found = await findActiveDisputeReason(ctx.db, {
    companyId: customer.company_id,
    code: input.reason,
    field: "reason",
  });
  if ("issue" in found) issues.push(found.issue);
  const department =
    input.departmentId === undefined
      ? null
      : await findActiveDepartment(ctx.db, {
          companyId: customer.company_id,
          departmentId: input.departmentId,
          field: "departmentId",
        });
  if (department && "issue" in department) issues.push(department.issue);
  if (issues.length > 0 || !("reason" in found)) throw validationError("Invalid dispute", issues);
  const invoices = await checkWorkInvoices(ctx, {
    customer,
    invoiceIds: input.invoices.map((i) => i.invoiceId),
    today,
    field: "invoices",
  });
  const disputed = invoices.filter((i) => i.active_dispute_id !== null);
  if (disputed.length > 0) {
    throw new DomainError(
      "CONFLICT",
      `Already under an open dispute: ${disputed.map((i) => i.number).join(", ")}`,
      { invoiceIds: disputed.map((i) => i.id), disputeIds: disputed.map((i) => i.active_dispute_id) },
    );
  }
  return {
    customer,
    items: invoices.map((invoice, index) => ({
      invoiceId: invoice.id,
      number: invoice.number,
      amount: amountOf(input.invoices[index]?.amount, invoice.open_amount_minor, invoice.currency, index),
    })),
    reason: found.reason,
    owner,
    department: department && "department" in department ? department.department : null,
    deadline: input.deadline ?? null,
    note: input.note || null,
  };
}

/**
 * The owner hears of a dispute in the application and by an internal email in their language (not when they
 * opened it themselves); the department by an internal email to its address, in the company's language.
 */
async function notifyOwners(
  tx: Tx,
  { actor, plan, now }: { actor: Actor; plan: DisputePlan; now: Date },
): Promise<void> {
  const { customer, owner, department } = plan;
  const reason = { fr: plan.reason.labelFr, en: plan.reason.labelEn };
  const email = {
    companyId: customer.company_id,
    customerId: customer.id,
    template: DISPUTE_OWNER_TEMPLATE,
    now,
    dispute: {
      reason,
      invoices: plan.items.map((i) => ({
        number: i.number,
        amount: formatMajor(i.amount),
        currency: i.amount.currency,
      })),
      deadline: plan.deadline,
      note: plan.note,
      openedBy: actor.kind === "user" ? actor.name : null,
    },
  };
  if (owner && owner.id !== actor.userId) {
    const message = disputeOwnerMessage(
      {
        customerName: customer.name,
        invoiceNumbers: plan.items.map((i) => i.number),
        reason,
        deadline: plan.deadline,
      },
      owner.language,
    );
    await insertAlerts(tx, [
      {
        companyId: customer.company_id,
        customerId: customer.id,
        userId: owner.id,
        kind: "dispute_assigned",
        message,
      },
    ]);
    const language = LanguageCode.safeParse(owner.language);
    await queueInternalEmail(tx, {
      ...email,
      recipient: owner.email,
      language: language.success ? language.data : null,
    });
  }
  // A department is no user: no alert, and its shared mailbox reads the company's language.
  if (department) await queueInternalEmail(tx, { ...email, recipient: department.email, language: null });
}

/**
 * Writes one dispute per invoice, their audit rows, timeline entries, the owner's alert and email, and the
 * department's email.
 */
export async function writeDisputes(tx: Tx, actor: Actor, plan: DisputePlan, now: Date): Promise<number[]> {
  const { customer, owner, department } = plan;
  const ids = await insertDisputes(
    tx,
    plan.items.map((item) => ({
      companyId: customer.company_id,
      customerId: customer.id,
      invoiceId: item.invoiceId,
      amountMinor: item.amount.minor,
      currency: item.amount.currency,
      reason: plan.reason.code,
      ownerId: owner?.id ?? null,
      ownerDepartmentId: department?.id ?? null,
      deadline: plan.deadline,
      note: plan.note,
      createdById: actor.userId,
      createdAt: now,
      updatedAt: now,
    })),
  );
  for (const [index, item] of plan.items.entries()) {
    const disputeId = ids[index] as number;
    const facts = {
      disputeId,
      invoiceNumber: item.number,
      amount: formatMajor(item.amount),
      currency: item.amount.currency,
      reason: plan.reason.code,
      ownerId: owner?.id ?? null,
      ownerName: owner?.name ?? null,
      departmentId: department?.id ?? null,
      departmentName: department?.name ?? null,
      deadline: plan.deadline,
    };
    await recordAudit(tx, { actor, action: "open", entity: "dispute", entityId: disputeId, after: facts });
    await recordActivity(tx, {
      companyId: customer.company_id,
      customerId: customer.id,
      invoiceId: item.invoiceId,
      type: "dispute_opened",
      actorId: actor.userId,
      occurredAt: now,
      summary: `Dispute opened on ${item.number} (${plan.reason.code}, ${facts.amount} ${facts.currency})${owner ? `, owner ${owner.name}` : ""}${department ? `, department ${department.name}` : ""}`,
      data: { ...facts, note: plan.note },
    });
  }
  await notifyOwners(tx, { actor, plan, now });
  return ids;
}

/** Opens a dispute on one or several invoices of a customer: they are held from dunning while it is open. */
export async function openDispute(
  ctx: AppContext,
  actor: Actor,
  customerId: number,
  input: OpenDisputeInput,
): Promise<Dispute[]> {
  const customer = await getWorkCustomer(ctx, actor, customerId);
  const plan = await prepareDisputes(ctx, customer, input);
  const now = ctx.clock.now();
  const ids = await ctx.db.transaction((tx) => writeDisputes(tx, actor, plan, now));
  return (await selectDisputesByIds(ctx.db, ids, now)).map(toDispute);
}
