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
import { fixedClock } from "../../shared/clock";
import type { App } from "../context";

let handle: DatabaseHandle;
let app: App;
let admin: Session;
let viewer: Session;
let collector: Session;
let otherCollector: Session;
let customerId: number;
let foreignCustomerId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildTestApp(handle, { clock: fixedClock("2025-07-31") });
  const db = handle.db;
  admin = await signIn(app, (await makeUser(db, "admin")).email);
  viewer = await signIn(app, (await makeUser(db, "viewer")).email);
  const assigned = await makeUser(db, "collector");
  collector = await signIn(app, assigned.email);
  otherCollector = await signIn(app, (await makeUser(db, "collector")).email);

  const company = await makeCompany(db, { country: "FR" });
  const customer = await makeCustomer(db, company.id, { collectorId: assigned.id });
  customerId = customer.id;
  await makeInvoice(db, customer, { amountMinor: 1_200_000, dueDate: "2025-05-14" });
  const partlyPaid = await makeInvoice(db, customer, {
    amountMinor: 840_000,
    openAmountMinor: 420_000,
    dueDate: "2025-05-31",
  });
  await makePayment(db, partlyPaid, { amountMinor: 420_000, paymentDate: "2025-06-30" });
  await makeInvoice(db, customer, { amountMinor: 100_000, dueDate: "2025-06-30", currency: "GBP" });
  await makeInvoice(db, customer, { amountMinor: 500_000, dueDate: "2025-08-15" });
  await makeInvoice(db, customer, { amountMinor: -50_000, dueDate: "2025-05-01", type: "credit_note" });
  await makeInvoice(db, customer, {
    amountMinor: 70_000,
    openAmountMinor: 0,
    dueDate: "2025-05-01",
    status: "paid",
  });

  const us = await makeCompany(db, { country: "US", currency: "USD", timeZone: "America/New_York" });
  const usCustomer = await makeCustomer(db, us.id, { currency: "USD" });
  foreignCustomerId = usCustomer.id;
  await makeInvoice(db, usCustomer, { amountMinor: 10_000, dueDate: "2025-07-01", currency: "USD" });
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

function put(session: Session, url: string, body: unknown) {
  return app.inject({
    method: "PUT",
    url,
    headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
    payload: body as object,
  });
}

describe("POST /api/interest", () => {
  it("computes worked example 2 with the contract's keys", async () => {
    const response = await viewer.send("POST", "/api/interest", {
      jurisdiction: "FR",
      amount: "8400.00",
      currency: "EUR",
      due: "2025-05-31",
      until: "2025-08-14",
      payments: [{ date: "2025-08-14", amount: "8400.00" }],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      interest: "216.62",
      compensation: "40.00",
      currency: "EUR",
      rateRule: expect.stringContaining("L441-10"),
      segments: [
        {
          from: "2025-06-01",
          to: "2025-06-30",
          days: 30,
          balance: "8400.00",
          ratePercent: 13.15,
          interest: "90.789041",
        },
        {
          from: "2025-07-01",
          to: "2025-08-14",
          days: 45,
          balance: "8400.00",
          ratePercent: 12.15,
          interest: "125.827397",
        },
      ],
      principalOutstanding: "0.00",
    });
  });

  it("names every bad field and its value", async () => {
    const response = await viewer.send("POST", "/api/interest", {
      jurisdiction: "XX",
      amount: "-5",
      currency: "EUR",
      due: "2025-05-31",
      until: "2025-04-30",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues.map((i: { field: string }) => i.field)).toEqual([
      "jurisdiction",
      "amount",
    ]);
    const order = await viewer.send("POST", "/api/interest", {
      jurisdiction: "FR",
      amount: "5.123",
      currency: "EUR",
      due: "2025-05-31",
      until: "2025-04-30",
    });
    expect(order.json().error.issues).toEqual([
      { field: "amount", value: "5.123", message: expect.stringContaining("more than 2 decimals") },
    ]);
  });
});

describe("GET /api/customers/:id/claim", () => {
  it("lists each overdue invoice with interest to date and the compensation, totals per currency", async () => {
    const response = await collector.get(`/api/customers/${customerId}/claim`);
    expect(response.statusCode).toBe(200);
    const claim = response.json();
    expect(claim).toMatchObject({ asOf: "2025-07-31", jurisdiction: "FR", country: "FR" });
    expect(
      claim.items.map((i: Record<string, unknown>) => [
        i.dueDate,
        i.currency,
        i.principal,
        i.interest,
        i.compensation,
        i.compensationCurrency,
      ]),
    ).toEqual([
      ["2025-05-14", "EUR", "12000.00", "327.02", "40.00", "EUR"],
      ["2025-05-31", "EUR", "4200.00", "134.13", "40.00", "EUR"],
      ["2025-06-30", "GBP", "1000.00", "10.32", "40.00", "EUR"],
    ]);
    expect(claim.items[0].daysOverdue).toBe(78);
    expect(claim.totals).toEqual([
      {
        currency: "EUR",
        principal: "16200.00",
        interest: "461.15",
        compensation: "120.00",
        total: "16781.15",
      },
      { currency: "GBP", principal: "1000.00", interest: "10.32", compensation: "0.00", total: "1010.32" },
    ]);
  });

  it("answers 404 outside the collector's portfolio", async () => {
    expect((await otherCollector.get(`/api/customers/${customerId}/claim`)).statusCode).toBe(404);
  });

  it("shows the principal without interest where the pack has no regime", async () => {
    const claim = (await viewer.get(`/api/customers/${foreignCustomerId}/claim`)).json();
    expect(claim).toMatchObject({ jurisdiction: null, country: "US" });
    expect(claim.items[0]).toMatchObject({
      principal: "100.00",
      interest: "0.00",
      flags: [{ code: "NO_REGIME" }],
    });
  });
});

describe("/api/reference-rates", () => {
  it("lists the seeded table to every role, filtered by series", async () => {
    const response = await viewer.get("/api/reference-rates?series=DE_BASISZINSSATZ");
    expect(response.statusCode).toBe(200);
    expect(response.json().items[0]).toMatchObject({
      effectiveFrom: "2026-07-01",
      ratePercent: "1.52",
      isProvisional: true,
      source: "shipped",
    });
  });

  it("lets an administrator add, replace, correct and remove a rate; others get 403", async () => {
    const rate = {
      series: "ECB_MRO",
      effectiveFrom: "2026-09-16",
      ratePercent: "2.65",
      note: "provisional: forecast",
    };
    expect((await viewer.send("POST", "/api/reference-rates", rate)).statusCode).toBe(403);
    const created = await admin.send("POST", "/api/reference-rates", rate);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ratePercent: "2.65", isProvisional: true, source: "admin" });
    const replaced = await admin.send("POST", "/api/reference-rates", {
      ...rate,
      ratePercent: 2.9,
      note: null,
    });
    expect([replaced.statusCode, replaced.json().ratePercent, replaced.json().isProvisional]).toEqual([
      200,
      "2.90",
      false,
    ]);
    const id = created.json().id;
    expect((await put(viewer, `/api/reference-rates/${id}`, { ratePercent: "3" })).statusCode).toBe(403);
    const corrected = await put(admin, `/api/reference-rates/${id}`, {
      ratePercent: "3",
      note: "ECB press release",
    });
    expect(corrected.json()).toMatchObject({ ratePercent: "3.00", note: "ECB press release" });
    expect(
      (await put(admin, `/api/reference-rates/${id}`, { ratePercent: "abc" })).json().error.issues[0],
    ).toMatchObject({
      field: "ratePercent",
      value: "abc",
    });
    expect((await admin.send("DELETE", `/api/reference-rates/${id}`)).statusCode).toBe(204);
    expect((await put(admin, `/api/reference-rates/${id}`, { ratePercent: "3" })).statusCode).toBe(404);
  });

  it("imports a CSV all or nothing, naming line, column and value", async () => {
    const bad = await admin.send("POST", "/api/reference-rates/import", {
      csv: "series,effective_from,rate_percent\nECB_MRO,2027-01-01,2\nXYZ,2027-02-01,2",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([
      { field: "line 3, series", line: 3, column: "series", value: "XYZ", message: expect.any(String) },
    ]);
    const good = await admin.send("POST", "/api/reference-rates/import", {
      csv: "series,effective_from,rate_percent\nECB_MRO,2027-01-01,2",
    });
    expect(good.json()).toEqual({ rows: 1, created: 1, updated: 0, unchanged: 0 });
  });
});
