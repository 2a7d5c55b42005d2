import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../src/db/client";
import { openTestDatabase } from "../../helpers/db";
import { type Customer, invoiceOf, makeDebtor, makeDunningCompany, runOn, summary } from "./dunning-world";

/**
 * Golden cases of what stops or delays a reminder: disputes, manual holds, promises to pay, unapplied
 * cash, contact pressure, a second currency, a payment between planning and sending. Written by hand.
 * 2026-03-09 is a Monday.
 */
let handle: DatabaseHandle;
let companyId: number;
const c: Record<string, Customer> = {};
const db = () => handle.db;

beforeAll(async () => {
  handle = await openTestDatabase();
  companyId = (await makeDunningCompany(db(), "HOLD")).id;
  // E: E-1 disputed, E-2 not: the reminder lists E-2 only.
  c.E = await makeDebtor(db(), companyId, "E");
  const e1 = await invoiceOf(db(), c.E, "E-1", "2026-03-02", 20000);
  await invoiceOf(db(), c.E, "E-2", "2026-03-02", 30000);
  await db().execute(sql`
    insert into dispute (company_id, customer_id, invoice_id, amount_minor, currency, reason)
    values (${companyId}, ${c.E.id}, ${e1.id}, 20000, 'EUR', 'quantity')`);
  // F: the whole customer held until 03-10 inclusive.
  c.F = await makeDebtor(db(), companyId, "F");
  await invoiceOf(db(), c.F, "F-1", "2026-03-02", 10000);
  await db().execute(sql`
    insert into dunning_hold (company_id, customer_id, reason, until_date)
    values (${companyId}, ${c.F.id}, 'waiting for the new purchase order', '2026-03-10')`);
  // G: promised to pay G-1 on 03-06; with 3 days' grace, held through 03-09.
  c.G = await makeDebtor(db(), companyId, "G");
  const g1 = await invoiceOf(db(), c.G, "G-1", "2026-03-02", 40000);
  const promise = await db().execute<{ id: number }>(sql`
    insert into promise_to_pay (company_id, customer_id, amount_minor, currency, promised_date)
    values (${companyId}, ${c.G.id}, 40000, 'EUR', '2026-03-06') returning id`);
  await db().execute(sql`insert into promise_invoice values (${promise.rows[0]?.id}, ${g1.id})`);
  // M: two invoices a day apart: the second waits for the minimum gap of 3 days.
  c.M = await makeDebtor(db(), companyId, "M");
  await invoiceOf(db(), c.M, "M-1", "2026-03-09", 10000);
  await invoiceOf(db(), c.M, "M-2", "2026-03-10", 10000);
  // U: 300.00 overdue but 500.00 of unapplied cash: in credit, nothing to chase.
  c.U = await makeDebtor(db(), companyId, "U");
  await invoiceOf(db(), c.U, "U-1", "2026-03-02", 30000);
  await db().execute(sql`
    insert into payment (company_id, customer_id, external_ref, payment_date, amount_minor, unapplied_minor, currency)
    values (${companyId}, ${c.U.id}, 'PAY-U', '2026-03-03', 50000, 50000, 'EUR')`);
  // X: overdue in EUR and in USD: one customer message a day, the most overdue first.
  c.X = await makeDebtor(db(), companyId, "X");
  await invoiceOf(db(), c.X, "X-EUR", "2026-03-02", 10000);
  const usd = await invoiceOf(db(), c.X, "X-USD", "2026-02-20", 10000);
  await db().execute(sql`update invoice set currency = 'USD' where id = ${usd.id}`);
  // Q: reminded on 03-09, pays before the message leaves: the message is cancelled at the next run.
  c.Q = await makeDebtor(db(), companyId, "Q");
  await invoiceOf(db(), c.Q, "Q-1", "2026-03-02", 25000);
});
afterAll(async () => handle?.close());

describe("holds and contact pressure, golden cases", () => {
  it("03-09: the disputed invoice is left out, held customers and promises wait, credit balances are spared", async () => {
    const day = await runOn(db(), companyId, "2026-03-09");
    expect(summary(day)).toEqual([
      "E d+7 email",
      "E d+7 task",
      "M d+0 alert", // M-1 due today; M-2's courtesy step rides along in the same message
      "M d+0 email",
      "Q d+7 email",
      "Q d+7 task",
      "X d+14 alert", // X-USD is 17 days late: its message goes first
      "X d+14 email",
      "X d+14 interest",
      "X d+14 internal_email",
      "X d+14 task",
    ]);
    const e = day?.actions.find((a) => a.customer.externalRef === "E" && a.type === "email");
    expect(e?.invoiceNumbers).toEqual(["E-2"]);
    const m = day?.actions.find((a) => a.customer.externalRef === "M" && a.type === "email");
    expect(m?.invoiceNumbers).toEqual(["M-1", "M-2"]);
    expect(day?.deferred.map((d) => `${d.customer.externalRef} ${d.currency} ${d.reason}`)).toEqual([
      "X EUR the customer already gets a message today",
    ]);
  });

  it("03-10: the promise's grace is over; the customer hold still runs; M-2 waits for the gap", async () => {
    const day = await runOn(db(), companyId, "2026-03-10");
    expect(summary(day)).toEqual(["G d+7 email", "G d+7 task"]);
    expect(day?.deferred.map((d) => `${d.customer.externalRef} ${d.currency} ${d.reason}`)).toEqual([
      "M EUR last message to this customer on 2026-03-09, less than 3 days ago",
      "X EUR last message to this customer on 2026-03-09, less than 3 days ago",
    ]);
  });

  it("03-11: the hold has ended; a payment received cancels the message not yet sent", async () => {
    await db().execute(sql`
      update invoice set open_amount_minor = 0, status = 'paid'
      where number = 'Q-1' and company_id = ${companyId}`);
    const day = await runOn(db(), companyId, "2026-03-11");
    expect(summary(day)).toEqual(["F d+7 email", "F d+7 task"]);
    expect(day?.cancelled).toBe(1);
    const q = await db().execute<{ status: string; outbox: string }>(sql`
      select a.status::text, o.status::text as outbox from dunning_action a join outbox o on o.action_id = a.id
      join customer c on c.id = a.customer_id where c.external_ref = 'Q' and a.type = 'email'`);
    expect(q.rows).toEqual([{ status: "cancelled", outbox: "cancelled" }]);
  });

  it("03-12: three days after the last message, M-2's due-date reminder and X's euro invoice go out", async () => {
    const day = await runOn(db(), companyId, "2026-03-12");
    expect(summary(day)).toEqual(["M d+0 alert", "M d+0 email", "X d+7 email", "X d+7 task"]);
    const x = day?.actions.find((a) => a.customer.externalRef === "X" && a.type === "email");
    expect(x?.currency).toBe("EUR");
    expect(x?.invoiceNumbers).toEqual(["X-EUR"]);
  });

  it("never plans anything for U, whose unapplied cash covers the invoice", async () => {
    const u = await db().execute(sql`select 1 from dunning_action where customer_id = ${c.U?.id}`);
    expect(u.rows).toEqual([]);
  });
});
