import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Session, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import {
  makeCompany,
  makeContact,
  makeCustomer,
  makeInvoice,
  makePayment,
  makeUser,
} from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import type { App } from "../context";

/** Today is 2026-03-31 (fixed clock). */
let handle: DatabaseHandle;
let app: App;
let manager: Session;
let collectorSession: Session;
const ids: Record<string, number> = {};

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildTestApp(handle);
  const db = handle.db;
  const fr = await makeCompany(db, { code: "FR" });
  const de = await makeCompany(db, { code: "DE", country: "DE", timeZone: "Europe/Berlin" });
  const sophie = await makeUser(db, "collector", "Sophie Bernard");
  const julien = await makeUser(db, "collector", "Julien Petit");
  const thomas = await makeUser(db, "sales", "Thomas Leroy");
  ids.sophie = sophie.id;

  // Alpha: 1,000.00 overdue 40 days, 500.00 not due, a -200.00 credit note open, 300.00 paid.
  const alpha = await makeCustomer(db, fr.id, {
    name: "Alpha Transports",
    segment: "smes",
    collectorId: sophie.id,
    salesRepId: thomas.id,
  });
  ids.alpha = alpha.id;
  await makeInvoice(db, alpha, { amountMinor: 100000, dueDate: "2026-02-19" });
  await makeInvoice(db, alpha, { amountMinor: 50000, dueDate: "2026-04-15" });
  await makeInvoice(db, alpha, { amountMinor: -20000, dueDate: "2026-03-01", type: "credit_note" });
  const paid = await makeInvoice(db, alpha, {
    amountMinor: 30000,
    openAmountMinor: 0,
    status: "paid",
    dueDate: "2026-03-10",
  });
  await makePayment(db, paid, { amountMinor: 30000, paymentDate: "2026-03-12" });
  await makeContact(db, alpha.id, {
    name: "Marie Compta",
    role: "accounts_payable",
    email: "compta@alpha.fr",
    isPrimary: true,
  });
  // Bravo: 2,500.00 overdue 120 days, plus 10.00 USD open (another currency).
  const bravo = await makeCustomer(db, fr.id, {
    name: "Bravo Menuiserie",
    segment: "key_accounts",
    collectorId: julien.id,
    isStrategic: true,
  });
  ids.bravo = bravo.id;
  await makeInvoice(db, bravo, { amountMinor: 250000, dueDate: "2025-12-01" });
  await makeInvoice(db, bravo, { amountMinor: 1000, dueDate: "2026-05-01", currency: "USD" });
  // Charlie (DE): nothing overdue; a 100.00 due today is not overdue.
  const charlie = await makeCustomer(db, de.id, {
    name: "Charlie GmbH",
    segment: "smes",
    collectorId: sophie.id,
  });
  ids.charlie = charlie.id;
  await makeInvoice(db, charlie, { amountMinor: 10000, dueDate: "2026-03-31" });

  const credit = await makeUser(db, "credit_manager");
  manager = await signIn(app, credit.email);
  collectorSession = await signIn(app, sophie.email);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe("GET /api/customers", () => {
  it("sorts by overdue amount and reports open and overdue totals net of credit notes", async () => {
    const page = (await manager.get("/api/customers?sort=overdueAmount&order=desc")).json();
    expect(page.total).toBe(3);
    expect(page.items.map((c: { name: string }) => c.name)).toEqual([
      "Bravo Menuiserie",
      "Alpha Transports",
      "Charlie GmbH",
    ]);
    const alpha = page.items[1];
    expect(alpha).toMatchObject({
      openAmount: "1300.00",
      overdueAmount: "1000.00",
      openCount: 3,
      maxDaysOverdue: 40,
    });
    expect(alpha.collector.name).toBe("Sophie Bernard");
    expect(alpha.salesRep.name).toBe("Thomas Leroy");
    expect(page.items[2]).toMatchObject({ overdueAmount: "0.00", maxDaysOverdue: 0 });
  });

  it("sorts by days overdue, paginates, filters and searches", async () => {
    const byDays = (await manager.get("/api/customers?sort=daysOverdue&order=desc&pageSize=1&page=1")).json();
    expect(byDays).toMatchObject({ total: 3, page: 1, pageSize: 1 });
    expect(byDays.items[0]).toMatchObject({ name: "Bravo Menuiserie", maxDaysOverdue: 120 });
    const second = (await manager.get("/api/customers?sort=daysOverdue&order=desc&pageSize=1&page=2")).json();
    expect(second.items[0].name).toBe("Alpha Transports");
    const smes = (await manager.get("/api/customers?segment=smes&sort=name&order=asc")).json();
    expect(smes.items.map((c: { name: string }) => c.name)).toEqual(["Alpha Transports", "Charlie GmbH"]);
    const search = (await manager.get("/api/customers?q=menuis")).json();
    expect(search.items.map((c: { name: string }) => c.name)).toEqual(["Bravo Menuiserie"]);
    const overdue = (await manager.get("/api/customers?overdueOnly=true")).json();
    expect(overdue.total).toBe(2);
    const bySophie = (await manager.get(`/api/customers?collectorId=${ids.sophie}`)).json();
    expect(bySophie.total).toBe(2);
  });

  it("shows a collector only their portfolio", async () => {
    const page = (await collectorSession.get("/api/customers")).json();
    expect(page.items.map((c: { name: string }) => c.name).sort()).toEqual([
      "Alpha Transports",
      "Charlie GmbH",
    ]);
    expect((await collectorSession.get(`/api/customers/${ids.bravo}`)).statusCode).toBe(404);
    expect((await collectorSession.get(`/api/customers/${ids.bravo}/invoices`)).statusCode).toBe(404);
    expect((await collectorSession.get(`/api/customers/${ids.bravo}/timeline`)).statusCode).toBe(404);
  });

  it("names the field and the value of a bad query", async () => {
    const response = await manager.get("/api/customers?sort=amount&pageSize=1000");
    expect(response.statusCode).toBe(400);
    const issues = response.json().error.issues;
    expect(issues).toContainEqual(expect.objectContaining({ field: "sort", value: "amount" }));
    expect(issues).toContainEqual(expect.objectContaining({ field: "pageSize", value: "1000" }));
  });
});

describe("GET /api/customers/:id", () => {
  it("gives totals per currency, never summing two currencies", async () => {
    const bravo = (await manager.get(`/api/customers/${ids.bravo}`)).json();
    expect(bravo.totals).toEqual([
      {
        currency: "EUR",
        open: "2500.00",
        overdue: "2500.00",
        notDue: "0.00",
        openCount: 1,
        overdueCount: 1,
        unapplied: "0.00",
        disputed: "0.00",
      },
      {
        currency: "USD",
        open: "10.00",
        overdue: "0.00",
        notDue: "10.00",
        openCount: 1,
        overdueCount: 0,
        unapplied: "0.00",
        disputed: "0.00",
      },
    ]);
    expect(bravo.isStrategic).toBe(true);
  });

  it("treats an item due today as not due", async () => {
    const charlie = (await manager.get(`/api/customers/${ids.charlie}`)).json();
    expect(charlie.totals[0]).toMatchObject({ overdue: "0.00", notDue: "100.00" });
  });

  it("lists open items, closed items, contacts and the timeline", async () => {
    const open = (await manager.get(`/api/customers/${ids.alpha}/invoices`)).json().items;
    expect(open.map((i: { amount: string }) => i.amount)).toEqual(["1000.00", "-200.00", "500.00"]);
    expect(open[0]).toMatchObject({ daysOverdue: 40, status: "open", type: "invoice" });
    const closed = (await manager.get(`/api/customers/${ids.alpha}/invoices?status=closed`)).json().items;
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ status: "paid", openAmount: "0.00" });
    const contacts = (await manager.get(`/api/customers/${ids.alpha}/contacts`)).json().items;
    expect(contacts).toEqual([
      expect.objectContaining({ name: "Marie Compta", email: "compta@alpha.fr", isPrimary: true }),
    ]);
    const timeline = (await manager.get(`/api/customers/${ids.alpha}/timeline`)).json();
    expect(timeline.items).toHaveLength(1);
    expect(timeline.items[0]).toMatchObject({ type: "payment", occurredAt: "2026-03-12T12:00:00.000Z" });
    expect(timeline.nextBefore).toBeNull();
  });

  it("pages through the timeline with the cursor", async () => {
    const first = (await manager.get(`/api/customers/${ids.alpha}/timeline?limit=1`)).json();
    expect(first.nextBefore).toMatch(/^2026-03-12T12:00:00.000Z_\d+$/);
    const rest = (
      await manager.get(`/api/customers/${ids.alpha}/timeline?limit=1&before=${first.nextBefore}`)
    ).json();
    expect(rest.items).toEqual([]);
  });

  it("answers 404 with a clear message for an unknown customer", async () => {
    const response = await manager.get("/api/customers/999999");
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe("Customer 999999 was not found");
  });

  it("offers the filter values", async () => {
    const facets = (await manager.get("/api/customers/facets")).json();
    expect(facets.segments).toEqual(["key_accounts", "smes"]);
    expect(facets.collectors.map((c: { name: string }) => c.name)).toEqual([
      "Julien Petit",
      "Sophie Bernard",
    ]);
    expect(facets.companies.map((c: { code: string }) => c.code)).toEqual(["DE", "FR"]);
  });
});

describe("GET /api/invoices", () => {
  it("filters overdue items and sorts by days overdue", async () => {
    const page = (await manager.get("/api/invoices?status=overdue&sort=daysOverdue&order=desc")).json();
    expect(page.items.map((i: { daysOverdue: number }) => i.daysOverdue)).toEqual([120, 40]);
    expect(page.items[0].customer.name).toBe("Bravo Menuiserie");
  });

  it("lists everything with status=all and searches by customer name", async () => {
    expect((await manager.get("/api/invoices?status=all")).json().total).toBe(7);
    expect((await manager.get("/api/invoices?status=all&q=alpha")).json().total).toBe(4);
    expect((await manager.get("/api/invoices?type=credit_note")).json().items[0].amount).toBe("-200.00");
  });

  it("keeps a collector to their portfolio", async () => {
    expect((await collectorSession.get("/api/invoices?status=all")).json().total).toBe(5);
  });
});
