import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeKpiWorld } from "../../../test/golden/kpis/kpis-world";
import { buildTestApp, type Session, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeCustomer, makeInvoice, makeUser } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import type { App } from "../context";

/** The golden dataset (test/golden/kpis/kpis-world.ts) through the API; A is Sophie's, B Julien's. */
let handle: DatabaseHandle;
let app: App;
let world: Awaited<ReturnType<typeof makeKpiWorld>>;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildTestApp(handle);
  world = await makeKpiWorld(handle.db);
  const manager = await makeUser(handle.db, "credit_manager");
  const viewer = await makeUser(handle.db, "viewer");
  const sales = await makeUser(handle.db, "sales");
  sessions.manager = await signIn(app, manager.email);
  sessions.viewer = await signIn(app, viewer.email);
  sessions.sales = await signIn(app, sales.email);
  sessions.sophie = await signIn(app, world.users.sophie.email);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

const url = (query: string) => `/api/kpis?date=2026-03-31&${query}`;

describe("GET /api/kpis", () => {
  it("gives a credit manager the company's figures, one report per currency", async () => {
    const response = await sessions.manager!.get(url(`companyId=${world.company.id}`));
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      date: "2026-03-31",
      currency: "EUR",
      receivables: "9700.00",
      dsoCountback: 76.08,
    });
  });

  it("lets a viewer (CFO) read and cut by collector", async () => {
    const response = await sessions.viewer!.get(
      url(`companyId=${world.company.id}&collectorId=${world.users.julien.id}`),
    );
    expect(response.statusCode).toBe(200);
    // B: I6 3,000 + I8 1,800 − CN1 300 + I11 400
    expect(response.json().items[0].receivables).toBe("4900.00");
  });

  it("shows a collector their portfolio only", async () => {
    const response = await sessions.sophie!.get(url(`companyId=${world.company.id}`));
    expect(response.statusCode).toBe(200);
    // A: I2 2,000 + I3 1,000 + I5 1,200 + I9 600; aging 61–90 is I2, over 90 is I9
    expect(response.json().items[0]).toMatchObject({
      receivables: "4800.00",
      aging: { notDue: "1200.00", d1_30: "0.00", d31_60: "1000.00", d61_90: "2000.00", d90plus: "600.00" },
    });
  });

  it("answers one report per currency, and an empty company in its own currency", async () => {
    const two = await makeCompany(handle.db, { code: "TWO" });
    const customer = await makeCustomer(handle.db, two.id);
    await makeInvoice(handle.db, customer, {
      amountMinor: 10000,
      dueDate: "2026-04-30",
      issueDate: "2026-03-01",
    });
    await makeInvoice(handle.db, customer, {
      amountMinor: 5000,
      dueDate: "2026-04-30",
      issueDate: "2026-03-01",
      currency: "USD",
    });
    const both = (await sessions.manager!.get(url(`companyId=${two.id}`))).json().items;
    expect(both.map((k: { currency: string; receivables: string }) => [k.currency, k.receivables])).toEqual([
      ["EUR", "100.00"],
      ["USD", "50.00"],
    ]);
    const empty = await makeCompany(handle.db, { code: "EMPTY", currency: "CHF" });
    const none = (await sessions.manager!.get(url(`companyId=${empty.id}`))).json().items;
    expect(none).toEqual([
      expect.objectContaining({ currency: "CHF", receivables: "0.00", dsoSimple: null, cei: null }),
    ]);
  });

  it("refuses sales reps and names a bad date", async () => {
    expect((await sessions.sales!.get(url(""))).statusCode).toBe(403);
    const bad = await sessions.manager!.get("/api/kpis?date=2026-02-30");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({ field: "date", value: "2026-02-30" });
  });
});
