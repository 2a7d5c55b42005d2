import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../src/db/client";
import { type AgendaRow, selectAgendaRows } from "../../../src/domain/workbench/agenda.repo";
import { DEFAULT_PRIORITY_WEIGHTS } from "../../../src/domain/workbench/agenda.rules";
import { refreshWorklist } from "../../../src/domain/workbench/agenda-worklist.repo";
import { openTestDatabase } from "../../helpers/db";
import { makeWorkbenchWorld, type WorkbenchWorld } from "./workbench-world";

/**
 * The agenda's worklist is kept by the database: each change stales the customers it touches (and the other
 * members of a group with a limit), the next agenda computes those again and only those, and a new day
 * computes them all. On the workbench world: Sophie owns A and B, Julien owns X; B and X share a group.
 */
let handle: DatabaseHandle;
let w: WorkbenchWorld;
const MONDAY = new Date("2026-03-02T09:00:00Z");

beforeAll(async () => {
  handle = await openTestDatabase();
  w = await makeWorkbenchWorld(handle);
  const db = handle.db;
  // A over its own limit (2,400.00 EUR open net of its credit note); B and X over their group's (1,300.00).
  await db.execute(sql`update customer set credit_limit_minor = 100000 where id = ${w.customers.A}`);
  await db.execute(
    sql`update customer set group_key = 'G1' where id in (${w.customers.B}, ${w.customers.X})`,
  );
  await db.execute(sql`insert into customer_group (company_id, key, name, credit_limit_minor, currency)
    values (${w.companyId}, 'G1', 'Groupe Un', 100000, 'EUR')`);
});
afterAll(async () => {
  await w?.app.close();
  await handle?.close();
});

function agendaOf(ownerId: number, now = MONDAY): Promise<AgendaRow[]> {
  return selectAgendaRows(handle.db, {
    scope: { ownerId, kind: "collector" },
    now,
    horizon: 7,
    limit: 100,
    defaults: DEFAULT_PRIORITY_WEIGHTS,
  });
}

/** How many customers an agenda had to compute again. */
function refreshed(ownerId: number, now = MONDAY): Promise<number> {
  return handle.db.transaction((tx) =>
    refreshWorklist(tx, { ownerId, kind: "collector" }, now, DEFAULT_PRIORITY_WEIGHTS),
  );
}

const keys = (rows: AgendaRow[]) =>
  rows
    .map(
      (r) =>
        `${r.kind}:${r.customer_id === w.customers.A ? "A" : r.customer_id === w.customers.B ? "B" : "X"}`,
    )
    .sort();

describe("the agenda's worklist", () => {
  it("computes a person's customers once, then only what changed", async () => {
    expect(keys(await agendaOf(w.users.sophie))).toEqual(["credit_limit:A", "credit_limit:B"]);
    expect(await refreshed(w.users.sophie)).toBe(0);
    await handle.db.execute(sql`update invoice set due_date = due_date where id = ${w.invoices.A3}`);
    expect(await refreshed(w.users.sophie)).toBe(1);
    expect(await refreshed(w.users.sophie)).toBe(0);
  });

  it("follows a payment: the customer's limit item goes", async () => {
    await handle.db.execute(sql`update invoice set open_amount_minor = 0, status = 'paid'
      where customer_id = ${w.customers.A} and currency = 'EUR' and type = 'invoice'`);
    expect(keys(await agendaOf(w.users.sophie))).toEqual(["credit_limit:B"]);
  });

  it("stales every member of a group when one member's items change", async () => {
    expect(keys(await agendaOf(w.users.julien))).toEqual(["credit_limit:X"]);
    // X pays: the group (B + X) is back under its limit, B's item goes although B's own items did not change.
    await handle.db.execute(
      sql`update invoice set open_amount_minor = 0, status = 'paid' where id = ${w.invoices.X1}`,
    );
    expect(keys(await agendaOf(w.users.sophie))).toEqual([]);
    expect(keys(await agendaOf(w.users.julien))).toEqual([]);
  });

  it("shows a task assigned on someone else's customer, and drops it when reassigned", async () => {
    const task = await handle.db.execute<{ id: number }>(sql`
      insert into task (company_id, customer_id, type, title, assignee_id, due_date)
      values (${w.companyId}, ${w.customers.X}, 'call', 'Appeler X', ${w.users.sophie}, '2026-03-03') returning id`);
    expect(keys(await agendaOf(w.users.sophie))).toEqual(["task:X"]);
    expect(keys(await agendaOf(w.users.julien))).toEqual([]);
    await handle.db.execute(
      sql`update task set assignee_id = ${w.users.julien} where id = ${task.rows[0]?.id}`,
    );
    expect(keys(await agendaOf(w.users.sophie))).toEqual([]);
    expect(keys(await agendaOf(w.users.julien))).toEqual(["task:X"]);
  });

  it("moves a customer's items with the customer to its new collector", async () => {
    await handle.db.execute(sql`insert into task (company_id, customer_id, type, title, due_date)
      values (${w.companyId}, ${w.customers.B}, 'call', 'Appeler B', '2026-03-02')`);
    expect(keys(await agendaOf(w.users.sophie))).toEqual(["task:B"]);
    await handle.db.execute(
      sql`update customer set collector_id = ${w.users.julien} where id = ${w.customers.B}`,
    );
    expect(keys(await agendaOf(w.users.sophie))).toEqual([]);
    expect(keys(await agendaOf(w.users.julien))).toEqual(["task:B", "task:X"]);
  });

  it("computes everything again on a new day, with that day's dates", async () => {
    const tuesday = new Date("2026-03-03T09:00:00Z");
    const before = await agendaOf(w.users.julien);
    expect(before.find((r) => r.kind === "task" && r.customer_id === w.customers.X)?.today).toBe(
      "2026-03-02",
    );
    expect(await refreshed(w.users.julien, tuesday)).toBe(2);
    const after = await agendaOf(w.users.julien, tuesday);
    expect(after.find((r) => r.kind === "task" && r.customer_id === w.customers.X)?.today).toBe("2026-03-03");
    expect(await refreshed(w.users.julien, tuesday)).toBe(0);
  });

  it("never makes a writer wait for an agenda computing the same customer, nor loses its change", async () => {
    // Only a server has a second connection; the embedded database serves one at a time.
    if (handle.mode !== "postgres") return;
    expect(keys(await agendaOf(w.users.sophie))).toEqual([]);
    await handle.db.transaction(async (agenda) => {
      // An agenda computing A holds A's worklist row while a collector records a task on A elsewhere.
      await agenda.execute(
        sql`select 1 from agenda_customer where customer_id = ${w.customers.A} for update`,
      );
      await handle.db.execute(sql`insert into task (company_id, customer_id, type, title, due_date)
        values (${w.companyId}, ${w.customers.A}, 'call', 'Appeler A', '2026-03-02')`);
    });
    const marks = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from agenda_stale where customer_id = ${w.customers.A}`,
    );
    expect(marks.rows[0]?.n).toBe(1);
    expect(keys(await agendaOf(w.users.sophie))).toEqual(["task:A"]);
    const left = await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from agenda_stale`);
    expect(left.rows[0]?.n).toBe(0);
  });
});
