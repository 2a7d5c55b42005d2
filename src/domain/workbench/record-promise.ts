import type { Tx } from "../../db/client";
import { compareDates, type IsoDate } from "../../shared/dates";
import { DomainError, validationError } from "../../shared/errors";
import { formatMajor, type Money, parseMajor } from "../../shared/money";
import { recordActivity, recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { getPromise } from "./list-promises";
import { insertPromise } from "./promises.repo";
import { getWorkCustomer } from "./work-customer";
import { checkWorkInvoices } from "./work-invoices";
import type { WorkCustomerRow } from "./workbench.repo";
import type { PromiseToPay, RecordPromiseInput } from "./workbench.schemas";

/** A promise checked against the database, ready to be written (alone or inside a logged call). */
export type PromisePlan = {
  customer: WorkCustomerRow;
  amount: Money;
  promisedDate: IsoDate;
  invoices: { id: number; number: string }[];
  channel: string;
  note: string | null;
};

export async function preparePromise(
  ctx: AppContext,
  customer: WorkCustomerRow,
  input: RecordPromiseInput,
): Promise<PromisePlan> {
  const today = ctx.clock.today(customer.time_zone);
  if (compareDates(input.promisedDate, today) < 0) {
    throw validationError("A promise to pay is for today or a later day", [
      { field: "promisedDate", value: input.promisedDate, message: `must be ${today} or later` },
    ]);
  }
  const invoices = await checkWorkInvoices(ctx, { customer, invoiceIds: input.invoiceIds, today });
  const currencies = [...new Set(invoices.map((i) => i.currency))];
  const currency = currencies[0];
  if (currency === undefined || currencies.length > 1) {
    throw validationError("A promise covers invoices of one currency", [
      { field: "invoiceIds", value: input.invoiceIds, message: `mixes ${currencies.join(" and ")}` },
    ]);
  }
  const promised = invoices.filter((i) => i.active_promise_id !== null);
  if (promised.length > 0) {
    throw new DomainError(
      "CONFLICT",
      `Already under an open promise to pay: ${promised.map((i) => i.number).join(", ")}`,
      { invoiceIds: promised.map((i) => i.id), promiseIds: promised.map((i) => i.active_promise_id) },
    );
  }
  const amount = parseAmount(input.amount, currency);
  const open = invoices.reduce((total, i) => total + i.open_amount_minor, 0);
  if (amount.minor > open) {
    throw validationError("The promise is larger than what the invoices still owe", [
      {
        field: "amount",
        value: input.amount,
        message: `must not exceed the open amount of the invoices, ${formatMajor({ minor: open, currency })} ${currency}`,
      },
    ]);
  }
  return {
    customer,
    amount,
    promisedDate: input.promisedDate,
    invoices: invoices
      .toSorted((a, b) => a.due_date.localeCompare(b.due_date) || a.number.localeCompare(b.number))
      .map((i) => ({ id: i.id, number: i.number })),
    channel: input.channel,
    note: input.note || null,
  };
}

function parseAmount(text: string, currency: string): Money {
  try {
    return parseMajor(text, currency);
  } catch (error) {
    const message = error instanceof RangeError ? error.message : "is not an amount";
    throw validationError("Invalid amount", [{ field: "amount", value: text, message }]);
  }
}

/** Writes the promise, its audit row and its timeline entry through the caller's transaction. */
export async function writePromise(tx: Tx, actor: Actor, plan: PromisePlan, now: Date): Promise<number> {
  const { customer, amount } = plan;
  const id = await insertPromise(tx, {
    companyId: customer.company_id,
    customerId: customer.id,
    amountMinor: amount.minor,
    currency: amount.currency,
    promisedDate: plan.promisedDate,
    channel: plan.channel,
    note: plan.note,
    createdById: actor.userId,
    createdAt: now,
    updatedAt: now,
    invoiceIds: plan.invoices.map((i) => i.id),
  });
  const numbers = plan.invoices.map((i) => i.number);
  const facts = {
    promiseId: id,
    amount: formatMajor(amount),
    currency: amount.currency,
    promisedDate: plan.promisedDate,
    channel: plan.channel,
    invoiceNumbers: numbers,
  };
  await recordAudit(tx, { actor, action: "create", entity: "promise_to_pay", entityId: id, after: facts });
  await recordActivity(tx, {
    companyId: customer.company_id,
    customerId: customer.id,
    invoiceId: plan.invoices.length === 1 ? plan.invoices[0]?.id : null,
    type: "promise",
    actorId: actor.userId,
    occurredAt: now,
    summary: `Promise to pay ${facts.amount} ${amount.currency} by ${plan.promisedDate} (${numbers.join(", ")})`,
    data: { ...facts, note: plan.note },
  });
  return id;
}

/** Records a customer's promise to pay: dunning holds its invoices until the promised date + grace days. */
export async function recordPromise(
  ctx: AppContext,
  actor: Actor,
  customerId: number,
  input: RecordPromiseInput,
): Promise<PromiseToPay> {
  const customer = await getWorkCustomer(ctx, actor, customerId);
  const plan = await preparePromise(ctx, customer, input);
  const id = await ctx.db.transaction((tx) => writePromise(tx, actor, plan, ctx.clock.now()));
  return getPromise(ctx, id);
}
