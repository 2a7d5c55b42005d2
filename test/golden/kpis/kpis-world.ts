import { sql } from "drizzle-orm";
import type { Database } from "../../../src/db/client";
import { activity, dispute, promiseInvoice, promiseToPay, task } from "../../../src/db/schema";
import { makeCompany, makeCustomer, makeInvoice, makePayment, makeUser } from "../../helpers/factories";

/**
 * The KPI golden dataset, as of Tuesday 2026-03-31 (company GK, EUR, Europe/Paris). Amounts in EUR.
 *
 * | item | customer | issued     | due        | amount    | history                                        |
 * |------|----------|------------|------------|-----------|------------------------------------------------|
 * | I9   | A        | 2025-10-01 | 2025-10-31 |    600.00 | open                                           |
 * | I1   | A        | 2025-11-15 | 2025-12-15 |  1,000.00 | paid 2026-01-10 (26 days late)                 |
 * | I2   | A        | 2025-12-20 | 2026-01-19 |  2,000.00 | open; promise 2,000.00 for 03-10, broken       |
 * | I3   | A        | 2026-01-10 | 2026-02-09 |  1,500.00 | 500.00 paid 02-20 (11 late); promise 04-15     |
 * | I4   | A        | 2026-02-05 | 2026-03-07 |    800.00 | paid 2026-03-05 (2 days early)                 |
 * | I5   | A        | 2026-03-01 | 2026-03-31 |  1,200.00 | open, due on the as-of date                    |
 * | I11  | B        | 2026-01-05 | 2026-02-04 |    400.00 | paid 02-10, allocation reversed 03-10: open    |
 * | I6   | B        | 2026-01-20 | 2026-02-19 |  3,000.00 | open; dispute of 1,000.00 since 02-25          |
 * | I7   | B        | 2026-02-15 | 2026-03-17 |  2,500.00 | paid 03-27 (10 late); promise for 03-25, kept  |
 * | I8   | B        | 2026-03-10 | 2026-05-10 |  1,800.00 | open                                           |
 * | CN1  | B        | 2026-03-15 | 2026-03-15 |   −300.00 | credit note, open                              |
 * | I10  | B        | 2026-03-20 | 2026-04-19 |    700.00 | paid 2026-03-25 (25 days early)                |
 *
 * A is Sophie's (segment smes), B is Julien's (segment key). Timeline: calls on 2025-12-15 (before the
 * period), 2026-02-10 and 2026-03-20; one dunning step 2026-03-02; one task done 2026-03-20, one open.
 */
export async function makeKpiWorld(db: Database) {
  const company = await makeCompany(db, { code: "GK" });
  const sophie = await makeUser(db, "collector", "Sophie Kpi");
  const julien = await makeUser(db, "collector", "Julien Kpi");
  const a = await makeCustomer(db, company.id, { name: "Alpha", segment: "smes", collectorId: sophie.id });
  const b = await makeCustomer(db, company.id, { name: "Bravo", segment: "key", collectorId: julien.id });
  type Item = [issueDate: string, dueDate: string, amountMinor: number, openAmountMinor: number];
  const item = async (c: typeof a, [issueDate, dueDate, amountMinor, openAmountMinor]: Item, extra = {}) =>
    makeInvoice(db, c, {
      issueDate,
      dueDate,
      amountMinor,
      openAmountMinor,
      status: openAmountMinor === 0 ? "paid" : "open",
      ...extra,
    });
  const i9 = await item(a, ["2025-10-01", "2025-10-31", 60000, 60000]);
  const i1 = await item(a, ["2025-11-15", "2025-12-15", 100000, 0]);
  const i2 = await item(a, ["2025-12-20", "2026-01-19", 200000, 200000]);
  const i3 = await item(a, ["2026-01-10", "2026-02-09", 150000, 100000]);
  const i4 = await item(a, ["2026-02-05", "2026-03-07", 80000, 0]);
  const i5 = await item(a, ["2026-03-01", "2026-03-31", 120000, 120000]);
  const i11 = await item(b, ["2026-01-05", "2026-02-04", 40000, 40000]);
  const i6 = await item(b, ["2026-01-20", "2026-02-19", 300000, 300000]);
  const i7 = await item(b, ["2026-02-15", "2026-03-17", 250000, 0]);
  const i8 = await item(b, ["2026-03-10", "2026-05-10", 180000, 180000]);
  const cn1 = await item(b, ["2026-03-15", "2026-03-15", -30000, -30000], { type: "credit_note" });
  const i10 = await item(b, ["2026-03-20", "2026-04-19", 70000, 0]);

  await makePayment(db, i1, { amountMinor: 100000, paymentDate: "2026-01-10" });
  await makePayment(db, i3, { amountMinor: 50000, paymentDate: "2026-02-20" });
  await makePayment(db, i4, { amountMinor: 80000, paymentDate: "2026-03-05" });
  await makePayment(db, i7, { amountMinor: 250000, paymentDate: "2026-03-27" });
  await makePayment(db, i10, { amountMinor: 70000, paymentDate: "2026-03-25" });
  const reversed = await makePayment(db, i11, { amountMinor: 40000, paymentDate: "2026-02-10" });
  await db.execute(sql`update payment set unapplied_minor = amount_minor where id = ${reversed.id}`);
  await db.execute(sql`update payment_allocation set reversed_at = '2026-03-10T10:00:00Z'
    where payment_id = ${reversed.id}`);

  await db.insert(dispute).values({
    companyId: company.id,
    customerId: b.id,
    invoiceId: i6.id,
    amountMinor: 100000,
    currency: "EUR",
    reason: "price",
    createdAt: new Date("2026-02-25T10:00:00Z"),
  });
  const promise = async (
    c: typeof a,
    invoiceId: number,
    values: Partial<typeof promiseToPay.$inferInsert>,
  ) => {
    const [row] = await db
      .insert(promiseToPay)
      .values({
        companyId: company.id,
        customerId: c.id,
        currency: "EUR",
        amountMinor: 0,
        promisedDate: "",
        ...values,
      })
      .returning();
    await db.insert(promiseInvoice).values({ promiseId: row!.id, invoiceId });
  };
  await promise(a, i2.id, {
    amountMinor: 200000,
    promisedDate: "2026-03-10",
    status: "broken",
    createdAt: new Date("2026-03-01T09:00:00Z"),
  });
  await promise(b, i7.id, {
    amountMinor: 250000,
    promisedDate: "2026-03-25",
    status: "kept",
    createdAt: new Date("2026-03-18T09:00:00Z"),
  });
  await promise(a, i3.id, {
    amountMinor: 100000,
    promisedDate: "2026-04-15",
    createdAt: new Date("2026-03-30T09:00:00Z"),
  });

  const timeline = (customerId: number, type: string, at: string) =>
    db
      .insert(activity)
      .values({ companyId: company.id, customerId, type, summary: type, occurredAt: new Date(at) });
  await timeline(a.id, "call", "2025-12-15T10:00:00Z");
  await timeline(a.id, "call", "2026-02-10T10:00:00Z");
  await timeline(b.id, "call", "2026-03-20T10:00:00Z");
  await timeline(a.id, "dunning_step", "2026-03-02T06:00:00Z");
  const work = {
    companyId: company.id,
    customerId: a.id,
    type: "call",
    title: "Call Alpha",
    dueDate: "2026-03-20",
  };
  await db.insert(task).values({ ...work, status: "done", doneAt: new Date("2026-03-20T15:00:00Z") });
  await db.insert(task).values({ ...work, dueDate: "2026-04-02" });
  const invoices = { i1, i2, i3, i4, i5, i6, i7, i8, i9, i10, i11, cn1 };
  return { company, users: { sophie, julien }, customers: { a, b }, invoices };
}
