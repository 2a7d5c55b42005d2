import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Session, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import {
  makeCompany,
  makeCustomer,
  makeInvoice,
  makePayment,
  makeUser,
} from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import type { App } from "../context";
import type { CustomerDetail } from "./customers.schemas";

/**
 * Credit limits, groups, credit hold and the customer file's payment behaviour. Today is 2026-03-31.
 * K: 1,000.00 due 03-03 paid 03-13 (10 days late), 3,000.00 due 03-21 paid that day, 2,000.00 open due 04-14.
 */
let handle: DatabaseHandle;
let app: App;
let manager: Session;
let collector: Session;
let companyId: number;
let k: number;
let openInvoice: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildTestApp(handle);
  const db = handle.db;
  companyId = (await makeCompany(db, { code: "CR" })).id;
  const managerUser = await makeUser(db, "credit_manager", "Claire Martin");
  const collectorUser = await makeUser(db, "collector", "Sophie Bernard");
  const customer = await makeCustomer(db, companyId, { name: "K Industrie", collectorId: collectorUser.id });
  k = customer.id;
  const first = await makeInvoice(db, customer, {
    amountMinor: 100000,
    openAmountMinor: 0,
    status: "paid",
    issueDate: "2026-02-01",
    dueDate: "2026-03-03",
  });
  await makePayment(db, first, { amountMinor: 100000, paymentDate: "2026-03-13" });
  const second = await makeInvoice(db, customer, {
    amountMinor: 300000,
    openAmountMinor: 0,
    status: "paid",
    issueDate: "2026-03-01",
    dueDate: "2026-03-21",
  });
  await makePayment(db, second, { amountMinor: 300000, paymentDate: "2026-03-21" });
  openInvoice = (
    await makeInvoice(db, customer, { amountMinor: 200000, issueDate: "2026-03-15", dueDate: "2026-04-14" })
  ).id;
  await db.execute(sql`insert into dispute (company_id, customer_id, invoice_id, amount_minor, currency, reason)
    values (${companyId}, ${k}, ${openInvoice}, 50000, 'EUR', 'price')`);
  manager = await signIn(app, managerUser.email);
  collector = await signIn(app, collectorUser.email);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

function put(session: Session, url: string, payload: object) {
  return app.inject({
    method: "PUT",
    url,
    payload,
    headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
  });
}

describe("the customer file's header", () => {
  it("gives the disputed total, the exposure, the payment delay and the DSO of the customer", async () => {
    const detail: CustomerDetail = (await collector.get(`/api/customers/${k}`)).json();
    expect(detail.totals).toEqual([
      expect.objectContaining({ currency: "EUR", open: "2000.00", disputed: "500.00" }),
    ]);
    expect(detail).toMatchObject({
      exposure: "2000.00",
      creditLimit: null,
      isOverCreditLimit: false,
      accountStatus: "normal",
      creditHold: false,
      group: null,
      // (1,000 × 10 + 3,000 × 0) / 4,000 days; 2,000 open × 90 / 6,000 invoiced in 90 days.
      avgPaymentDelay: 2.5,
      dso: 30,
    });
  });
});

describe("credit limits", () => {
  it("lets a credit manager set the limit, which imports then keep, and says when it is exceeded", async () => {
    expect(
      (await put(collector, `/api/customers/${k}/credit`, { creditLimit: "1500", groupKey: null }))
        .statusCode,
    ).toBe(403);
    const bad = await put(manager, `/api/customers/${k}/credit`, { creditLimit: "-5", groupKey: null });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([
      { field: "creditLimit", value: "-5", message: "must be zero or more" },
    ]);
    const response = await put(manager, `/api/customers/${k}/credit`, {
      creditLimit: "1500",
      groupKey: null,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      creditLimit: "1500.00",
      exposure: "2000.00",
      isOverCreditLimit: true,
    });
    const row = await handle.db.execute<{ locally_edited: string[] }>(
      sql`select locally_edited from customer where id = ${k}`,
    );
    expect(row.rows[0]?.locally_edited).toEqual(["creditLimitMinor"]);
    const timeline = (await manager.get(`/api/customers/${k}/timeline`)).json().items;
    expect(timeline[0]).toMatchObject({
      type: "credit_settings_changed",
      summary: "Credit limit — → 1500.00 EUR",
    });
  });

  it("puts customers in a group with its own limit and exposure", async () => {
    const unknown = await put(manager, `/api/customers/${k}/credit`, { creditLimit: null, groupKey: "NOPE" });
    expect(unknown.statusCode).toBe(400);
    const group = await put(manager, "/api/customer-groups", {
      companyId,
      key: "DUPONT",
      name: "Holding Dupont",
      creditLimit: "5000",
    });
    expect(group.json()).toEqual({
      key: "DUPONT",
      name: "Holding Dupont",
      creditLimit: "5000.00",
      currency: "EUR",
      exposure: "0.00",
      members: 0,
    });
    const detail = await put(manager, `/api/customers/${k}/credit`, {
      creditLimit: null,
      groupKey: "DUPONT",
    });
    expect(detail.json()).toMatchObject({
      creditLimit: null,
      isOverCreditLimit: false,
      group: {
        key: "DUPONT",
        name: "Holding Dupont",
        creditLimit: "5000.00",
        exposure: "2000.00",
        currency: "EUR",
      },
    });
    const list = (await manager.get(`/api/customer-groups?companyId=${companyId}`)).json();
    expect(list.items).toEqual([expect.objectContaining({ key: "DUPONT", exposure: "2000.00", members: 1 })]);
  });

  it("shows a credit hold, set by the dunning engine's status change, to the ERP in the detail and the list", async () => {
    await handle.db.execute(sql`update customer set account_status = 'credit_hold' where id = ${k}`);
    expect((await manager.get(`/api/customers/${k}`)).json()).toMatchObject({
      accountStatus: "credit_hold",
      creditHold: true,
    });
    const list = (await manager.get("/api/customers?q=K%20Industrie")).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        creditLimit: null,
        exposure: "2000.00",
        accountStatus: "credit_hold",
        creditHold: true,
      }),
    ]);
  });
});
