import type { Database } from "../../src/db/client";
import {
  activity,
  company,
  contact,
  customer,
  invoice,
  payment,
  paymentAllocation,
} from "../../src/db/schema";
import { createUser } from "../../src/domain/users/create-user";
import type { Role } from "../../src/domain/users/users.schemas";
import { SYSTEM_ACTOR } from "../../src/domain/users/users.types";
import { fixedClock } from "../../src/shared/clock";

/** Small, explicit builders for test data: every value a test relies on is passed in. */
export const TEST_PASSWORD = "correct horse battery";

let sequence = 0;
const next = () => ++sequence;

export async function makeCompany(db: Database, values: Partial<typeof company.$inferInsert> = {}) {
  const n = next();
  const rows = await db
    .insert(company)
    .values({
      code: `C${n}`,
      name: `Company ${n}`,
      country: "FR",
      currency: "EUR",
      timeZone: "Europe/Paris",
      defaultLanguage: "fr",
      ...values,
    })
    .returning();
  return rows[0]!;
}

export async function makeUser(db: Database, role: Role, name = `${role} ${next()}`) {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@test.encours.app`;
  return createUser({ db, clock: fixedClock("2026-03-31") }, SYSTEM_ACTOR, {
    email,
    name,
    role,
    language: "fr",
    password: TEST_PASSWORD,
  });
}

export async function makeCustomer(
  db: Database,
  companyId: number,
  values: Partial<typeof customer.$inferInsert> = {},
) {
  const n = next();
  const rows = await db
    .insert(customer)
    .values({ companyId, externalRef: `CUST${n}`, name: `Customer ${n}`, currency: "EUR", ...values })
    .returning();
  return rows[0]!;
}

export async function makeContact(
  db: Database,
  customerId: number,
  values: Partial<typeof contact.$inferInsert> = {},
) {
  const rows = await db
    .insert(contact)
    .values({ customerId, name: `Contact ${next()}`, ...values })
    .returning();
  return rows[0]!;
}

type InvoiceValues = Partial<typeof invoice.$inferInsert> & { amountMinor: number; dueDate: string };

export async function makeInvoice(db: Database, c: { id: number; companyId: number }, values: InvoiceValues) {
  const n = next();
  const rows = await db
    .insert(invoice)
    .values({
      companyId: c.companyId,
      customerId: c.id,
      externalRef: `INV${n}`,
      number: `FA-${String(n).padStart(6, "0")}`,
      issueDate: values.issueDate ?? "2026-01-01",
      openAmountMinor: values.openAmountMinor ?? values.amountMinor,
      currency: "EUR",
      ...values,
    })
    .returning();
  return rows[0]!;
}

/** A payment fully allocated to one invoice, with its timeline entry. */
export async function makePayment(
  db: Database,
  inv: { id: number; companyId: number; customerId: number; currency: string },
  values: { amountMinor: number; paymentDate: string; unappliedMinor?: number },
) {
  const n = next();
  const rows = await db
    .insert(payment)
    .values({
      companyId: inv.companyId,
      customerId: inv.customerId,
      externalRef: `PAY${n}`,
      paymentDate: values.paymentDate,
      amountMinor: values.amountMinor,
      unappliedMinor: values.unappliedMinor ?? 0,
      currency: inv.currency,
      reference: `VIR ${n}`,
    })
    .returning();
  const p = rows[0]!;
  const allocated = values.amountMinor - (values.unappliedMinor ?? 0);
  if (allocated > 0) {
    await db.insert(paymentAllocation).values({
      paymentId: p.id,
      invoiceId: inv.id,
      amountMinor: allocated,
      currency: inv.currency,
      allocationDate: values.paymentDate,
      source: "import",
    });
  }
  await db.insert(activity).values({
    companyId: inv.companyId,
    customerId: inv.customerId,
    invoiceId: inv.id,
    type: "payment",
    summary: `Payment ${allocated} received`,
    occurredAt: new Date(`${values.paymentDate}T12:00:00Z`),
  });
  return p;
}
