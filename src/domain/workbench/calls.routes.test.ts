import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorkbenchWorld, type WorkbenchWorld } from "../../../test/golden/workbench/workbench-world";
import { openTestDatabase } from "../../../test/helpers/db";
import type { DatabaseHandle } from "../../db/client";
import type { TimelineEntry } from "../audit/audit.schemas";
import type { CallResult } from "./workbench.schemas";

/** Logging a call with what came of it: a promise, a dispute and the next task, in one transaction. */
let handle: DatabaseHandle;
let w: WorkbenchWorld;

beforeAll(async () => {
  handle = await openTestDatabase();
  w = await makeWorkbenchWorld(handle);
});
afterAll(async () => {
  await w?.app.close();
  await handle?.close();
});

/** Everything a call may write: compared before and after a refused call. */
async function footprint() {
  const tables = ["promise_to_pay", "promise_invoice", "dispute", "task", "alert", "activity", "audit_log"];
  const counts: Record<string, number> = {};
  for (const table of tables)
    counts[table] = await w.count(sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return counts;
}

function call(body: unknown, session = w.sessions.sophie, customerId = w.customers.A) {
  return session.send("POST", `/api/customers/${customerId}/calls`, body);
}

describe("POST /api/customers/:id/calls", () => {
  it("logs a call with a promise, a dispute and the next task, and the timeline shows them", async () => {
    const response = await call({
      contactId: w.contacts.A,
      outcome: "reached",
      note: "Paiement de A-1 vendredi ; A-2 contestée",
      promise: { amount: "1200", promisedDate: "2026-03-06", invoiceIds: [w.invoices.A1] },
      dispute: {
        invoices: [{ invoiceId: w.invoices.A2, amount: "120.50" }],
        reason: "quantity",
        ownerId: w.users.rep,
      },
      nextTask: { type: "call", dueDate: "2026-03-09" },
    });
    expect(response.statusCode).toBe(201);
    const result: CallResult = response.json();
    expect(result).toMatchObject({
      outcome: "reached",
      promise: { status: "open", amount: "1200.00", promisedDate: "2026-03-06", channel: "phone" },
      disputes: [{ invoice: { number: "A-2" }, amount: "120.50", reason: "quantity", status: "open" }],
      task: {
        type: "call",
        title: "Rappeler A",
        priority: "normal",
        dueDate: "2026-03-09",
        assignee: { id: w.users.sophie, name: "Sophie Bernard" },
      },
    });
    const task = await handle.db.execute<Record<string, unknown>>(sql`
      select customer_id, assignee_id, created_by_id, status from task where id = ${result.task?.id}`);
    expect(task.rows[0]).toEqual({
      customer_id: w.customers.A,
      assignee_id: w.users.sophie,
      created_by_id: w.users.sophie,
      status: "open",
    });
    const timeline: TimelineEntry[] = (
      await w.sessions.sophie.get(`/api/customers/${w.customers.A}/timeline`)
    ).json().items;
    expect(timeline.map((e) => e.type)).toEqual(["call", "dispute_opened", "promise"]);
    expect(timeline[0]).toMatchObject({
      summary: "Call to AP A: reached — Paiement de A-1 vendredi ; A-2 contestée",
      actor: { id: w.users.sophie },
      data: {
        contactId: w.contacts.A,
        contactName: "AP A",
        phone: "+33612345678",
        outcome: "reached",
        promiseId: result.promise?.id,
        disputeIds: [result.disputes[0]?.id],
        taskId: result.task?.id,
      },
    });
    expect(await w.count(sql`select count(*)::int as n from audit_log where action = 'log_call'`)).toBe(1);
  });

  it("logs a bare call in a few keystrokes", async () => {
    const response = await call({ outcome: "voicemail" }, w.sessions.sophie, w.customers.B);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ outcome: "voicemail", promise: null, disputes: [], task: null });
    const entry = (await w.sessions.sophie.get(`/api/customers/${w.customers.B}/timeline`)).json().items[0];
    expect(entry).toMatchObject({
      type: "call",
      summary: "Call: voicemail",
      data: { contactId: null, outcome: "voicemail" },
    });
  });

  it("writes nothing at all when one part is invalid, naming the part's field", async () => {
    const before = await footprint();
    const valid = {
      outcome: "reached",
      promise: { amount: "800", promisedDate: "2026-03-06", invoiceIds: [w.invoices.A3] },
      nextTask: { type: "email", dueDate: "2026-03-04" },
    };
    const tooMuch = await call({
      ...valid,
      dispute: { invoices: [{ invoiceId: w.invoices.B1, amount: "10" }], reason: "price" },
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.issues).toEqual([
      { field: "dispute.invoices", value: [w.invoices.B1], message: "not invoices of this customer" },
    ]);
    const promise = await call({ ...valid, promise: { ...valid.promise, amount: "800.01" } });
    expect(promise.json().error.issues[0].field).toBe("promise.amount");
    const task = await call({ ...valid, nextTask: { type: "call", dueDate: "2026-03-01" } });
    expect(task.json().error.issues[0]).toMatchObject({
      field: "nextTask.dueDate",
      message: "must be 2026-03-02 or later",
    });
    const contact = await call({ ...valid, contactId: w.contacts.X });
    expect(contact.json().error.issues[0]).toEqual({
      field: "contactId",
      value: w.contacts.X,
      message: "not a contact of this customer",
    });
    // A-2 is already under the dispute opened by the first call: a conflict, after the promise was checked.
    const conflict = await call({
      ...valid,
      dispute: { invoices: [{ invoiceId: w.invoices.A2 }], reason: "price" },
    });
    expect(conflict.statusCode).toBe(409);
    const outcome = await call({ ...valid, outcome: "busy" });
    expect(outcome.json().error.issues[0].field).toBe("outcome");
    expect(await footprint()).toEqual(before);
  });

  it("lets only the people who work the customer log calls", async () => {
    expect((await call({ outcome: "reached" }, w.sessions.rep)).statusCode).toBe(403);
    expect((await call({ outcome: "reached" }, w.sessions.viewer)).statusCode).toBe(403);
    expect((await call({ outcome: "reached" }, w.sessions.julien)).statusCode).toBe(404);
    expect((await call({ outcome: "refused" }, w.sessions.manager)).statusCode).toBe(201);
  });
});
