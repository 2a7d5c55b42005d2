import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoiceOf, makeDebtor, makeDunningCompany } from "../../../test/golden/dunning/dunning-world";
import { buildTestApp, type Session, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeUser } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import type { App } from "../context";
import type { CustomerDunning, PlannedAction, RunDay, RunResult, ScenarioSummary } from "./dunning.schemas";

/**
 * The run, its calendar, the review queue and the customer's dunning, through HTTP, on the shipped
 * Standard scenario (D−5, D+0, D+7, D+14, D+30, D+45) and Key accounts (D+0 statement, D+3 call).
 * Today is Monday 2026-03-02, 07:00 in Paris; 2026-03-07/08 is a weekend. One company per concern:
 * RUN (run and calendar), REV (review queue), CUS (the customer's dunning, overrides and holds).
 */
let handle: DatabaseHandle;
let app: App;
let manager: Session;
let sophie: Session;
let julien: Session;
const company = { RUN: 0, REV: 0, CUS: 0 };
const customer = { R1: 0, R2: 0, X: 0, H: 0, Z: 0 };
const invoice = { X1: 0, H1: 0 };

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildTestApp(handle, { clock: fixedClock("2026-03-02T06:00:00Z") });
  const db = handle.db;
  const sophieUser = await makeUser(db, "collector", "Sophie Bernard");
  const julienUser = await makeUser(db, "collector", "Julien Petit");
  const rep = await makeUser(db, "sales", "Thomas Leroy");
  const ofSophie = { collectorId: sophieUser.id, salesRepId: rep.id };
  const ofJulien = { collectorId: julienUser.id, salesRepId: rep.id };

  company.RUN = (await makeDunningCompany(db, "RUN")).id;
  // A: due today (D+0). B: due a week ago (D+7). K: strategic, due tomorrow (Key accounts).
  const a = await makeDebtor(db, company.RUN, "A", ofSophie);
  await invoiceOf(db, a, "A-1", "2026-03-02", 120000);
  const b = await makeDebtor(db, company.RUN, "B", ofJulien);
  await invoiceOf(db, b, "B-1", "2026-02-23", 80000);
  const k = await makeDebtor(db, company.RUN, "K", { ...ofSophie, isStrategic: true });
  await invoiceOf(db, k, "K-1", "2026-03-03", 900000);

  company.REV = (await makeDunningCompany(db, "REV")).id;
  for (const ref of ["R1", "R2"] as const) {
    const r = await makeDebtor(db, company.REV, ref, ofSophie);
    customer[ref] = r.id;
    await invoiceOf(db, r, `${ref}-1`, "2026-03-02", 50000);
  }

  company.CUS = (await makeDunningCompany(db, "CUS")).id;
  const x = await makeDebtor(db, company.CUS, "X", ofJulien);
  customer.X = x.id;
  invoice.X1 = (await invoiceOf(db, x, "X-1", "2026-03-02", 200000)).id;
  const h = await makeDebtor(db, company.CUS, "H", ofSophie);
  customer.H = h.id;
  invoice.H1 = (await invoiceOf(db, h, "H-1", "2026-03-02", 50000)).id;
  customer.Z = (await makeDebtor(db, company.CUS, "Z", { ...ofSophie, isStrategic: true })).id;

  manager = await signIn(app, (await makeUser(db, "credit_manager", "Claire Martin")).email);
  sophie = await signIn(app, sophieUser.email);
  julien = await signIn(app, julienUser.email);
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

async function count(query: SQL): Promise<number> {
  return Number((await handle.db.execute<{ n: number }>(query)).rows[0]?.n);
}

/** "A d+0 email" for each action, sorted: what the run decided, in one line each. */
function lines(day: Pick<RunDay, "actions"> | undefined): string[] {
  return (day?.actions ?? []).map((a) => `${a.customer.externalRef} ${a.step} ${a.type}`).sort();
}

function find(day: RunDay | undefined, ref: string, type: string): PlannedAction | undefined {
  return day?.actions.find((a) => a.customer.externalRef === ref && a.type === type);
}

async function run(companyId: number, date: string): Promise<RunDay> {
  const response = await manager.send("POST", "/api/dunning/run", { companyId, date });
  expect(response.statusCode).toBe(200);
  const result: RunResult = response.json();
  expect(result).toMatchObject({ date, dryRun: false });
  expect(result.days).toHaveLength(1);
  return result.days[0]!;
}

async function dunningOf(session: Session, customerId: number): Promise<CustomerDunning> {
  const response = await session.get(`/api/customers/${customerId}/dunning`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** The data of the customer's timeline entries of one type, oldest first. */
async function timelineData(customerId: number, type: string): Promise<unknown[]> {
  const result = await handle.db.execute<{ data: unknown }>(
    sql`select data from activity where customer_id = ${customerId} and type = ${type} order by id`,
  );
  return result.rows.map((r) => r.data);
}

async function scenarioIdOf(companyId: number, code: string): Promise<number> {
  const items: ScenarioSummary[] = (await manager.get(`/api/scenarios?companyId=${companyId}`)).json().items;
  const found = items.find((s) => s.code === code);
  if (!found) throw new Error(`no scenario ${code}`);
  return found.id;
}

describe("GET /api/dunning/calendar", () => {
  it("simulates several days with the reasons, skips the weekend, and writes nothing", async () => {
    const response = await manager.get(
      `/api/dunning/calendar?companyId=${company.RUN}&date=2026-03-02&days=8`,
    );
    expect(response.statusCode).toBe(200);
    const result: RunResult = response.json();
    expect(result).toMatchObject({ date: "2026-03-02", dryRun: true });
    expect(result.days.map((d) => [d.date, d.skipped, lines(d)])).toEqual([
      ["2026-03-02", null, ["A d+0 alert", "A d+0 email", "B d+7 email", "B d+7 task"]],
      ["2026-03-03", null, ["K d+0 statement"]],
      ["2026-03-04", null, []],
      ["2026-03-05", null, []],
      ["2026-03-06", null, ["K d+3 task"]],
      ["2026-03-07", "not a working day", []],
      ["2026-03-08", "not a working day", []],
      [
        "2026-03-09",
        null,
        [
          "A d+7 email", // 1,200.00 < 5,000.00: no internal email to the sales rep
          "A d+7 task",
          "B d+14 alert",
          "B d+14 email",
          "B d+14 interest",
          "B d+14 internal_email",
          "B d+14 task",
        ],
      ],
    ]);
    const [monday, tuesday, , , friday, , , nextMonday] = result.days;
    expect(find(monday, "A", "email")).toMatchObject({
      reason: "invoice A-1 is due today; scenario Standard step D+0 Due date reminder",
      reasonData: {
        invoiceNumber: "A-1",
        daysPastDue: 0,
        scenario: "Standard",
        step: "D+0 Due date reminder",
      },
      recipient: "ap@a.example",
      invoiceNumbers: ["A-1"],
      amount: "1200.00",
      status: "planned",
      scheduledAt: "2026-03-02T07:00:00.000Z", // the send window opens at 08:00 in Paris
    });
    expect(find(monday, "A", "alert")?.recipient).toBe("sophie.bernard@test.encours.app");
    expect(find(monday, "B", "email")?.reason).toBe(
      "invoice B-1 is 7 days past due; scenario Standard step D+7 Second reminder",
    );
    expect(find(tuesday, "K", "statement")?.reason).toBe(
      "invoice K-1 is due today; scenario Key accounts step D+0 Account statement",
    );
    expect(find(friday, "K", "task")?.reason).toBe(
      "invoice K-1 is 3 days past due; scenario Key accounts step D+3 Call the customer",
    );
    expect(find(nextMonday, "B", "internal_email")?.recipient).toBe("recouvrement@run.example");
    expect(find(nextMonday, "B", "email")?.reason).toBe(
      "invoice B-1 is 14 days past due; scenario Standard step D+14 Third reminder: late-payment penalties",
    );
    for (const table of ["dunning_action", "dunning_item_step", "dunning_run", "outbox", "task", "alert"]) {
      expect([table, await count(sql`select count(*)::int as n from ${sql.identifier(table)}`)]).toEqual([
        table,
        0,
      ]);
    }
  });

  it("shows a collector their own customers only, from today by default", async () => {
    const own = (await sophie.get(`/api/dunning/calendar?companyId=${company.RUN}&days=8`)).json();
    expect(own.date).toBe("2026-03-02");
    const refs = (r: RunResult) => [
      ...new Set(r.days.flatMap((d) => d.actions.map((a) => a.customer.externalRef))),
    ];
    expect(refs(own).sort()).toEqual(["A", "K"]);
    const other = (await julien.get(`/api/dunning/calendar?companyId=${company.RUN}&days=8`)).json();
    expect(refs(other)).toEqual(["B"]);
    expect(lines(other.days[0])).toEqual(["B d+7 email", "B d+7 task"]);
    const bad = await sophie.get(`/api/dunning/calendar?companyId=${company.RUN}&days=93`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toContainEqual(expect.objectContaining({ field: "days" }));
  });
});

describe("POST /api/dunning/run", () => {
  it("plans the day's actions and their effects, then plans nothing new when run again", async () => {
    const day = await run(company.RUN, "2026-03-02");
    expect(lines(day)).toEqual(["A d+0 alert", "A d+0 email", "B d+7 email", "B d+7 task"]);
    expect(day.actions.map((a) => [a.customer.externalRef, a.type, a.status]).sort()).toEqual([
      ["A", "alert", "done"],
      ["A", "email", "planned"],
      ["B", "email", "planned"],
      ["B", "task", "done"],
    ]);
    expect(find(day, "B", "task")?.recipient).toBe("julien.petit@test.encours.app");
    const runCompany = sql`company_id = ${company.RUN}`;
    const outbox = await handle.db.execute<{ recipient: string }>(
      sql`select recipient from outbox where ${runCompany} order by recipient`,
    );
    expect(outbox.rows.map((r) => r.recipient)).toEqual(["ap@a.example", "ap@b.example"]);
    expect(await count(sql`select count(*)::int as n from task where ${runCompany}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from alert where ${runCompany}`)).toBe(1);
    const steps = await handle.db.execute<{ data: Record<string, unknown> }>(
      sql`select data from activity where ${runCompany} and type = 'dunning_step' order by data->>'step'`,
    );
    expect(steps.rows.map((r) => r.data)).toEqual([
      expect.objectContaining({ scenario: "Standard", step: "D+0 Due date reminder" }),
      expect.objectContaining({
        scenario: "Standard",
        step: "D+7 Second reminder",
        actions: [
          { type: "email", recipient: "ap@b.example" },
          { type: "task", recipient: "julien.petit@test.encours.app" },
        ],
      }),
    ]);

    const again = await run(company.RUN, "2026-03-02");
    expect(again.actions).toEqual([]);
    expect(await count(sql`select count(*)::int as n from dunning_action where ${runCompany}`)).toBe(4);
    expect(await count(sql`select count(*)::int as n from outbox where ${runCompany}`)).toBe(2);
    const listed = (
      await manager.get(`/api/dunning/actions?companyId=${company.RUN}&runDate=2026-03-02`)
    ).json();
    expect(listed.items.map((a: PlannedAction) => a.id).sort()).toEqual(day.actions.map((a) => a.id).sort());
  });

  it("refuses --days on a real run, and a collector", async () => {
    const days = await manager.send("POST", "/api/dunning/run", {
      companyId: company.RUN,
      date: "2026-03-03",
      days: 3,
    });
    expect(days.statusCode).toBe(400);
    expect(days.json().error.issues).toEqual([expect.objectContaining({ field: "days", value: 3 })]);
    const forbidden = await sophie.send("POST", "/api/dunning/run", {
      companyId: company.RUN,
      date: "2026-03-03",
    });
    expect(forbidden.statusCode).toBe(403);
    expect(await count(sql`select count(*)::int as n from dunning_run where run_date = '2026-03-03'`)).toBe(
      0,
    );
  });
});

describe("the review queue", () => {
  const ids: Record<string, number> = {};
  const outboxOf = (customerId: number) =>
    handle.db.execute<{ recipient: string; payload: { note: string | null } }>(
      sql`select recipient, payload from outbox where customer_id = ${customerId}`,
    );

  it("keeps the actions of a step under review pending, with nothing in the outbox", async () => {
    const standardId = await scenarioIdOf(company.REV, "standard");
    const { definition } = (await manager.get(`/api/scenarios/${standardId}`)).json();
    const steps = definition.steps.map((s: { key: string }) =>
      s.key === "d+0" ? { ...s, review: true } : s,
    );
    const saved = await put(manager, `/api/scenarios/${standardId}`, {
      definition: { ...definition, steps },
      comment: "Review the due-date reminders",
    });
    expect(saved.json().version).toBe(2);

    const day = await run(company.REV, "2026-03-02");
    expect(
      day.actions.map((a) => `${a.customer.externalRef} ${a.type} ${a.status} v${a.scenarioVersion}`),
    ).toEqual([
      "R1 email pending_review v2",
      "R1 alert pending_review v2",
      "R2 email pending_review v2",
      "R2 alert pending_review v2",
    ]);
    for (const a of day.actions) ids[`${a.customer.externalRef} ${a.type}`] = a.id;
    const revCompany = sql`company_id = ${company.REV}`;
    expect(await count(sql`select count(*)::int as n from outbox where ${revCompany}`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from alert where ${revCompany}`)).toBe(0);
    const queue = (
      await sophie.get(`/api/dunning/actions?companyId=${company.REV}&status=pending_review`)
    ).json();
    expect(queue.items).toHaveLength(4);
  });

  it("edits the recipient and adds a note while the action waits", async () => {
    const response = await manager.send("PATCH", `/api/dunning/actions/${ids["R1 email"]}`, {
      recipient: "direction@r1.example",
      note: "Merci de nous appeler",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: ids["R1 email"],
      recipient: "direction@r1.example",
      status: "pending_review",
      params: { note: "Merci de nous appeler", template: "standard.d+0" },
    });
    const forbidden = await sophie.send("PATCH", `/api/dunning/actions/${ids["R1 email"]}`, {
      recipient: "x@y.z",
    });
    expect(forbidden.statusCode).toBe(403);
    expect((await manager.send("PATCH", "/api/dunning/actions/999999", { note: "x" })).statusCode).toBe(404);
  });

  it("approves: the message is planned with one outbox row; skips: skipped; twice: nothing changes", async () => {
    const approved = await manager.send("POST", "/api/dunning/review", {
      ids: [ids["R1 email"], ids["R1 alert"]],
      decision: "approve",
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().results).toEqual([
      { id: ids["R1 email"], status: "planned" },
      { id: ids["R1 alert"], status: "done" },
    ]);
    expect((await outboxOf(customer.R1)).rows).toEqual([
      {
        recipient: "direction@r1.example",
        payload: expect.objectContaining({ note: "Merci de nous appeler" }),
      },
    ]);
    expect(await count(sql`select count(*)::int as n from alert where customer_id = ${customer.R1}`)).toBe(1);

    const skipped = await manager.send("POST", "/api/dunning/review", {
      ids: [ids["R2 email"], ids["R2 alert"]],
      decision: "skip",
      note: "Settled by phone",
    });
    expect(skipped.json().results.map((r: { status: string }) => r.status)).toEqual(["skipped", "skipped"]);
    expect((await outboxOf(customer.R2)).rows).toEqual([]);

    const twice = await manager.send("POST", "/api/dunning/review", {
      ids: [ids["R1 email"], ids["R2 email"]],
      decision: "approve",
    });
    expect(twice.json().results).toEqual([
      { id: ids["R1 email"], status: "not_pending" },
      { id: ids["R2 email"], status: "not_pending" },
    ]);
    expect(await count(sql`select count(*)::int as n from outbox where company_id = ${company.REV}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from alert where company_id = ${company.REV}`)).toBe(1);

    const actions: PlannedAction[] = (
      await manager.get(`/api/dunning/actions?companyId=${company.REV}`)
    ).json().items;
    expect(actions.map((a) => `${a.customer.externalRef} ${a.type} ${a.status} ${a.statusReason}`)).toEqual([
      "R1 email planned null",
      "R1 alert done null",
      "R2 email skipped Settled by phone",
      "R2 alert skipped Settled by phone",
    ]);
    const late = await manager.send("PATCH", `/api/dunning/actions/${ids["R1 email"]}`, { note: "too late" });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("INVALID_STATE");
    const byCollector = await sophie.send("POST", "/api/dunning/review", {
      ids: [ids["R1 email"]],
      decision: "skip",
    });
    expect(byCollector.statusCode).toBe(403);
  });
});

describe("a customer's dunning", () => {
  it("gives the scenario and why, the next action with its date and reason, and no holds", async () => {
    const x = await dunningOf(manager, customer.X);
    expect(x).toEqual({
      scenario: { id: expect.any(Number), name: "Standard", version: 1, source: "default", ruleName: null },
      accountStatus: "normal",
      nextAction: {
        date: "2026-03-02",
        type: "email",
        step: "d+0",
        stepName: "D+0 Due date reminder",
        reason: "invoice X-1 is due today; scenario Standard step D+0 Due date reminder",
        reasonData: {
          invoiceNumber: "X-1",
          daysPastDue: 0,
          scenario: "Standard",
          step: "D+0 Due date reminder",
          conditions: [],
          conditionData: [],
          otherInvoices: 0,
        },
      },
      holds: [],
      recentActions: [],
    });
    const z = await dunningOf(manager, customer.Z);
    expect(z.scenario).toMatchObject({
      name: "Key accounts",
      source: "rule",
      ruleName: "Strategic customers",
    });
    expect(z.nextAction).toBeNull(); // nothing open
    expect((await julien.get(`/api/customers/${customer.X}/dunning`)).statusCode).toBe(200);
  });

  it("overrides the scenario for one customer, and goes back to the rules with null", async () => {
    const keyAccounts = await scenarioIdOf(company.CUS, "key-accounts");
    const overridden = await put(manager, `/api/customers/${customer.X}/scenario`, {
      scenarioId: keyAccounts,
    });
    expect(overridden.statusCode).toBe(200);
    expect(overridden.json().scenario).toEqual({
      id: keyAccounts,
      name: "Key accounts",
      version: 1,
      source: "override",
      ruleName: null,
    });
    expect(overridden.json().nextAction).toMatchObject({
      date: "2026-03-02",
      type: "statement",
      step: "d+0",
    });
    const covered = (await manager.get(`/api/scenarios/${keyAccounts}/customers`)).json();
    expect(
      covered.items.map((c: { externalRef: string; source: string }) => [c.externalRef, c.source]),
    ).toEqual([
      ["X", "override"],
      ["Z", "rule"],
    ]);

    const back = await put(manager, `/api/customers/${customer.X}/scenario`, { scenarioId: null });
    expect(back.json().scenario).toMatchObject({ name: "Standard", source: "default" });
    expect(await timelineData(customer.X, "scenario_changed")).toEqual([
      { scenarioId: keyAccounts, scenarioName: "Key accounts" },
      { scenarioId: null, scenarioName: null },
    ]);
    expect(back.json().nextAction).toMatchObject({ type: "email", step: "d+0" });

    const foreign = await scenarioIdOf(company.RUN, "key-accounts");
    const refused = await put(manager, `/api/customers/${customer.X}/scenario`, { scenarioId: foreign });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues).toEqual([
      expect.objectContaining({ field: "scenarioId", value: foreign }),
    ]);
    expect(
      (await put(julien, `/api/customers/${customer.X}/scenario`, { scenarioId: null })).statusCode,
    ).toBe(403);
  });

  it("holds a whole customer until a date: the run plans nothing for it; released, the next run plans again", async () => {
    const held = await sophie.send("POST", `/api/customers/${customer.H}/holds`, {
      reason: "Awaiting the new purchase order",
      untilDate: "2026-03-05",
    });
    expect(held.statusCode).toBe(200);
    const page: CustomerDunning = held.json();
    expect(page.holds).toEqual([
      {
        id: expect.any(Number),
        kind: "manual",
        invoiceId: null,
        invoiceNumber: null,
        reason: "Awaiting the new purchase order",
        untilDate: "2026-03-05",
        createdBy: "Sophie Bernard",
        createdAt: expect.any(String),
      },
    ]);
    // Held through Thursday 03-05: the due-date reminder waits for Friday.
    expect(page.nextAction).toMatchObject({ date: "2026-03-06", type: "email", step: "d+0" });

    const day = await run(company.CUS, "2026-03-02");
    expect(lines(day)).toEqual(["X d+0 alert", "X d+0 email"]);
    expect((await dunningOf(manager, customer.H)).recentActions).toEqual([]);

    const holdId = page.holds[0]!.id;
    const released = await sophie.send("POST", `/api/dunning/holds/${holdId}/release`);
    expect(released.statusCode).toBe(200);
    expect(released.json().holds).toEqual([]);
    expect(released.json().nextAction).toMatchObject({ date: "2026-03-02", type: "email", step: "d+0" });
    expect((await sophie.send("POST", `/api/dunning/holds/${holdId}/release`)).statusCode).toBe(404);
    expect(await timelineData(customer.H, "dunning_hold")).toEqual([
      {
        holdIds: [holdId],
        invoiceIds: [],
        heldInvoiceNumbers: [],
        reason: "Awaiting the new purchase order",
        untilDate: "2026-03-05",
      },
    ]);
    expect(await timelineData(customer.H, "dunning_resumed")).toEqual([
      { holdId, reason: "Awaiting the new purchase order" },
    ]);

    const next = await run(company.CUS, "2026-03-02");
    expect(lines(next)).toEqual(["H d+0 alert", "H d+0 email"]);
    const h = await dunningOf(sophie, customer.H);
    expect(h.recentActions.map((a) => `${a.runDate} ${a.step} ${a.type} ${a.status}`)).toEqual([
      "2026-03-02 d+0 email planned",
      "2026-03-02 d+0 alert done",
    ]);
  });

  it("lists the recent actions and finds the next step a week later", async () => {
    const x = await dunningOf(manager, customer.X);
    expect(x.recentActions.map((a) => `${a.step} ${a.type} ${a.recipient}`)).toEqual([
      "d+0 email ap@x.example",
      "d+0 alert julien.petit@test.encours.app",
    ]);
    expect(x.nextAction).toEqual({
      date: "2026-03-09",
      type: "email",
      step: "d+7",
      stepName: "D+7 Second reminder",
      reason: "invoice X-1 is 7 days past due; scenario Standard step D+7 Second reminder",
      reasonData: expect.objectContaining({ invoiceNumber: "X-1", daysPastDue: 7 }),
    });
  });

  it("refuses a hold on another customer's invoice, and a customer outside a collector's portfolio", async () => {
    const holds = sql`select count(*)::int as n from dunning_hold`;
    const before = await count(holds);
    const foreign = await sophie.send("POST", `/api/customers/${customer.H}/holds`, {
      invoiceIds: [invoice.X1],
      reason: "Wrong invoice",
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.issues).toEqual([
      expect.objectContaining({ field: "invoiceIds", value: [invoice.X1] }),
    ]);
    expect((await sophie.get(`/api/customers/${customer.X}/dunning`)).statusCode).toBe(404);
    const outside = await sophie.send("POST", `/api/customers/${customer.X}/holds`, { reason: "Not mine" });
    expect(outside.statusCode).toBe(404);
    expect(await count(holds)).toBe(before);

    const one = await sophie.send("POST", `/api/customers/${customer.H}/holds`, {
      invoiceIds: [invoice.H1],
      reason: "Disputed quantity",
    });
    expect(one.json().holds).toEqual([
      expect.objectContaining({
        kind: "manual",
        invoiceId: invoice.H1,
        invoiceNumber: "H-1",
        untilDate: null,
      }),
    ]);
    expect(one.json().nextAction).toBeNull();
    expect((await timelineData(customer.H, "dunning_hold")).at(-1)).toMatchObject({
      invoiceIds: [invoice.H1],
      heldInvoiceNumbers: ["H-1"],
      reason: "Disputed quantity",
      untilDate: null,
    });
  });
});
