import { sql } from "drizzle-orm";
import type { Database } from "../../../src/db/client";
import type { AppContext } from "../../../src/domain/context";
import { runDunning } from "../../../src/domain/dunning/run-dunning";
import { SYSTEM_ACTOR } from "../../../src/domain/users/users.types";
import { fixedClock } from "../../../src/shared/clock";
import { makeCompany, makeCustomer, makeInvoice } from "../../helpers/factories";

/**
 * A small company to write dunning golden cases against: FR, Europe/Paris, default settings; its
 * language is English so that the shipped scenarios keep the names the reasons below quote.
 */
export async function makeDunningCompany(db: Database, code: string) {
  return makeCompany(db, {
    code,
    defaultLanguage: "en",
    collectionEmail: `recouvrement@${code.toLowerCase()}.example`,
  });
}

export type Customer = { id: number; companyId: number };

/** A customer with one accounts-payable contact, so emails have an address. */
export async function makeDebtor(
  db: Database,
  companyId: number,
  ref: string,
  values: Parameters<typeof makeCustomer>[2] = {},
): Promise<Customer> {
  const customer = await makeCustomer(db, companyId, { externalRef: ref, name: ref, ...values });
  await db.execute(sql`
    insert into contact (customer_id, name, role, email, phone, is_primary)
    values (${customer.id}, ${`AP ${ref}`}, 'accounts_payable', ${`ap@${ref.toLowerCase()}.example`}, '+33612345678', true)`);
  return customer;
}

export async function invoiceOf(
  db: Database,
  customer: Customer,
  number: string,
  dueDate: string,
  amountMinor: number,
  openAmountMinor = amountMinor,
) {
  return makeInvoice(db, customer, { number, externalRef: number, dueDate, amountMinor, openAmountMinor });
}

/** Runs the dunning for one company and date, as the CLI would; the clock is the morning of that date. */
export async function runOn(db: Database, companyId: number, date: string, dryRun = false) {
  const ctx: AppContext = { db, clock: fixedClock(`${date}T06:00:00Z`) };
  const result = await runDunning(ctx, SYSTEM_ACTOR, {
    companyId,
    date: date as never,
    trigger: "cli",
    dryRun,
  });
  return result.days[0] ?? null;
}

/** What a test compares: customer, step, type and recipient of each action, sorted. */
export function summary(
  day: { actions: { customer: { externalRef: string }; step: string; type: string }[] } | null,
) {
  return (day?.actions ?? []).map((a) => `${a.customer.externalRef} ${a.step} ${a.type}`).sort();
}
