import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../src/db/client";
import type { Agenda, AgendaItem } from "../../../src/domain/workbench/agenda.schemas";
import { checkPromises } from "../../../src/domain/workbench/check-promises";
import { fixedClock } from "../../../src/shared/clock";
import type { Session } from "../../helpers/app";
import { openTestDatabase } from "../../helpers/db";
import { makeWorkbenchWorld, type WorkbenchWorld } from "./workbench-world";

/**
 * The agenda on the workbench world (today Monday 2026-03-02): one item of each kind for Sophie, scored by
 * hand, then the credit manager's weights, a snooze, a sales rep's view and a reassignment.
 */
let handle: DatabaseHandle;
let w: WorkbenchWorld;

beforeAll(async () => {
  handle = await openTestDatabase();
  w = await makeWorkbenchWorld(handle);
  const db = handle.db;
  // A call on A with the next task today; a promise by B due Wednesday; a dispute on A-2 past its deadline.
  const call = await w.sessions.sophie.send("POST", `/api/customers/${w.customers.A}/calls`, {
    outcome: "reached",
    nextTask: { type: "call", dueDate: "2026-03-02", title: "Rappeler la comptable" },
  });
  expect(call.statusCode).toBe(201);
  const promise = await w.sessions.sophie.send("POST", `/api/customers/${w.customers.B}/promises`, {
    amount: "400",
    promisedDate: "2026-03-04",
    invoiceIds: [w.invoices.B1],
  });
  expect(promise.statusCode).toBe(201);
  const dispute = await w.sessions.sophie.send("POST", `/api/customers/${w.customers.A}/disputes`, {
    invoices: [{ invoiceId: w.invoices.A2 }],
    reason: "price",
  });
  expect(dispute.statusCode).toBe(201);
  await db.execute(sql`update dispute set deadline = '2026-02-27', created_at = '2026-02-12T10:00:00Z'`);
  // A over its own limit (2,400.00 EUR open net of the credit note > 1,000.00); B and X form a group over 1,000.00.
  await db.execute(sql`update customer set credit_limit_minor = 100000 where id = ${w.customers.A}`);
  await db.execute(
    sql`update customer set group_key = 'G1' where id in (${w.customers.B}, ${w.customers.X})`,
  );
  await db.execute(sql`insert into customer_group (company_id, key, name, credit_limit_minor, currency)
    values (${w.companyId}, 'G1', 'Groupe Un', 100000, 'EUR')`);
  await db.execute(sql`insert into outbox (company_id, customer_id, channel, recipient, status, not_before, last_error)
    values (${w.companyId}, ${w.customers.A}, 'email', 'ap@a.example', 'bounced', '2026-03-01T08:00:00Z', '550 no such user')`);
});
afterAll(async () => {
  await w?.app.close();
  await handle?.close();
});

async function agendaOf(session = w.sessions.sophie, query = ""): Promise<Agenda> {
  const response = await session.get(`/api/agenda${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

function put(session: Session, url: string, payload: object) {
  return w.app.inject({
    method: "PUT",
    url,
    payload,
    headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
  });
}

const brief = (items: AgendaItem[]) => items.map((i) => `${i.kind}:${i.customer.name}:${i.score}`);

describe("GET /api/agenda", () => {
  it("lists the collector's tasks and events, scored and ordered", async () => {
    const agenda = await agendaOf();
    expect(agenda.owner).toEqual({ id: w.users.sophie, name: "Sophie Bernard" });
    expect(agenda.today).toBe("2026-03-02");
    // A: 1,700.00 EUR overdue (53.8 × 30%), 10 days (11.1 × 25%), a dispute 18 days old (30 × 10%) = 21.9.
    // B: 400.00 overdue (43.4 × 30%), 10 days = 15.8. Equal scores: the earlier date first.
    expect(brief(agenda.items)).toEqual([
      "dispute_overdue:A:21.9",
      "delivery_failed:A:21.9",
      "credit_limit:A:21.9",
      "task:A:21.9",
      "credit_limit:B:15.8",
      "promise_due:B:15.8",
    ]);
    const byKind = Object.fromEntries(agenda.items.map((i) => [`${i.kind}:${i.customer.name}`, i]));
    expect(byKind["task:A"]).toMatchObject({
      bucket: "today",
      label: "Rappeler la comptable",
      detail: "call",
    });
    expect(byKind["dispute_overdue:A"]).toMatchObject({
      date: "2026-02-27",
      bucket: "overdue",
      label: "A-2",
      amount: "500.00",
    });
    expect(byKind["promise_due:B"]).toMatchObject({
      date: "2026-03-04",
      bucket: "upcoming",
      amount: "400.00",
    });
    expect(byKind["credit_limit:A"]).toMatchObject({
      detail: "customer",
      amount: "2400.00",
      limit: "1000.00",
    });
    expect(byKind["credit_limit:B"]).toMatchObject({
      detail: "group",
      label: "Groupe Un",
      amount: "1300.00",
      limit: "1000.00",
    });
    expect(byKind["delivery_failed:A"]).toMatchObject({
      label: "ap@a.example",
      detail: "email",
      date: "2026-03-01",
    });
    expect(byKind["task:A"]?.explanation.find((t) => t.factor === "disputeAge")).toEqual({
      factor: "disputeAge",
      weight: 10,
      value: "18",
      factorValue: 30,
      points: 3,
    });
    expect(agenda.counts).toMatchObject({ task: 1, promise_due: 1, credit_limit: 2, delivery_failed: 1 });
  });

  it("raises one credit-limit alert for the collector in the daily check, not one a day", async () => {
    const ctx = { db: handle.db, clock: fixedClock("2026-03-02T18:00:00Z") };
    await checkPromises(ctx);
    await checkPromises(ctx);
    const alerts = await handle.db.execute<{ user_id: number; message: string }>(
      sql`select user_id, message from alert where kind = 'credit_limit_exceeded'`,
    );
    expect(alerts.rows).toEqual([
      {
        user_id: w.users.sophie,
        message: "A: credit limit exceeded (exposure 2400.00 EUR against a limit of 1000.00 EUR).",
      },
    ]);
  });

  it("filters by kind, window and customer", async () => {
    expect(brief((await agendaOf(undefined, "?kind=credit_limit")).items)).toEqual([
      "credit_limit:A:21.9",
      "credit_limit:B:15.8",
    ]);
    expect((await agendaOf(undefined, "?window=today")).items.map((i) => i.kind)).not.toContain(
      "promise_due",
    );
    expect(new Set((await agendaOf(undefined, "?q=b")).items.map((i) => i.customer.name))).toEqual(
      new Set(["B"]),
    );
  });

  it("follows the weights the credit manager saves", async () => {
    expect((await put(w.sessions.sophie, "/api/agenda/weights", {})).statusCode).toBe(403);
    const weights = {
      overdueAmount: 0,
      daysPastDue: 0,
      riskClass: 0,
      strategic: 100,
      brokenPromises: 0,
      disputeAge: 0,
    };
    const saved = await put(w.sessions.manager, "/api/agenda/weights", { companyId: w.companyId, weights });
    expect(saved.json()).toEqual({ companyId: w.companyId, weights, isDefault: false });
    await handle.db.execute(sql`update customer set is_strategic = true where id = ${w.customers.B}`);
    const agenda = await agendaOf();
    expect(brief(agenda.items).slice(0, 2)).toEqual(["credit_limit:B:100", "promise_due:B:100"]);
    expect(agenda.items.at(-1)?.score).toBe(0);
    const audit = await w.count(
      sql`select count(*)::int as n from audit_log where entity = 'priority_setting'`,
    );
    expect(audit).toBe(1);
  });

  it("hides a snoozed item until its day and says so on the timeline", async () => {
    const snooze = (body: object) => w.sessions.sophie.send("POST", "/api/agenda/snooze", body);
    const key = `credit_limit:${w.customers.A}`;
    expect(
      (await snooze({ customerId: w.customers.A, key, until: "2026-03-02", reason: "x" })).statusCode,
    ).toBe(400);
    expect(
      (await snooze({ customerId: w.customers.B, key, until: "2026-03-05", reason: "x" })).statusCode,
    ).toBe(404);
    const response = await snooze({
      customerId: w.customers.A,
      key,
      until: "2026-03-05",
      reason: "Commande validée",
    });
    expect(response.statusCode).toBe(201);
    const keys = (await agendaOf()).items.map((i) => i.key);
    expect(keys).not.toContain(key);
    expect(keys).toContain(`task:${(await agendaOf(undefined, "?kind=task")).items[0]?.refId}`);
    const timeline = (await w.sessions.sophie.get(`/api/customers/${w.customers.A}/timeline`)).json().items;
    expect(timeline[0]).toMatchObject({
      type: "agenda_snoozed",
      summary: `Agenda item ${key} snoozed until 2026-03-05: Commande validée`,
    });
  });

  it("shows a sales rep the items of their own customers only", async () => {
    const agenda = await agendaOf(w.sessions.rep);
    expect(new Set(agenda.items.map((i) => i.customer.name))).toEqual(new Set(["A"]));
    expect(agenda.items.map((i) => i.kind)).not.toContain("task");
  });

  it("lets only managers open another collector's agenda", async () => {
    expect((await w.sessions.julien.get(`/api/agenda?collectorId=${w.users.sophie}`)).statusCode).toBe(403);
    const agenda = await agendaOf(w.sessions.manager, `?collectorId=${w.users.sophie}`);
    expect(agenda.owner.id).toBe(w.users.sophie);
  });

  it("reassigns customers with their open tasks, a result per customer and the timeline", async () => {
    const body = { customerIds: [w.customers.A, w.customers.X, 999999], collectorId: w.users.julien };
    expect((await w.sessions.sophie.send("POST", "/api/agenda/reassign", body)).statusCode).toBe(403);
    const response = await w.sessions.manager.send("POST", "/api/agenda/reassign", body);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      collector: { id: w.users.julien, name: "Julien Petit" },
      items: [
        {
          customerId: w.customers.A,
          status: "reassigned",
          from: { id: w.users.sophie, name: "Sophie Bernard" },
        },
        {
          customerId: w.customers.X,
          status: "unchanged",
          from: { id: w.users.julien, name: "Julien Petit" },
        },
        { customerId: 999999, status: "not_found", from: null },
      ],
      reassigned: 1,
      tasksMoved: 1,
    });
    expect(new Set((await agendaOf()).items.map((i) => i.customer.name))).toEqual(new Set(["B"]));
    const julien = await agendaOf(w.sessions.julien);
    expect(julien.items.map((i) => `${i.kind}:${i.customer.name}`)).toContain("task:A");
    const row = await handle.db.execute<{ locally_edited: string[] }>(
      sql`select locally_edited from customer where id = ${w.customers.A}`,
    );
    expect(row.rows[0]?.locally_edited).toContain("collectorEmail");
    const timeline = (await w.sessions.manager.get(`/api/customers/${w.customers.A}/timeline`)).json().items;
    expect(timeline[0]).toMatchObject({
      type: "collector_changed",
      summary: "Collector Sophie Bernard → Julien Petit",
    });
  });
});
