import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../src/db/client";
import type { AppContext } from "../../../src/domain/context";
import type { Actor } from "../../../src/domain/users/users.types";
import { cancelPromise } from "../../../src/domain/workbench/cancel-promise";
import { checkPromises } from "../../../src/domain/workbench/check-promises";
import { listCustomerPromises } from "../../../src/domain/workbench/list-promises";
import { recordPromise } from "../../../src/domain/workbench/record-promise";
import type { RecordPromiseInput } from "../../../src/domain/workbench/workbench.schemas";
import { fixedClock } from "../../../src/shared/clock";
import type { IsoDate } from "../../../src/shared/dates";
import { openTestDatabase } from "../../helpers/db";
import { makePayment, makeUser } from "../../helpers/factories";
import { type Customer, invoiceOf, makeDebtor, makeDunningCompany } from "../dunning/dunning-world";

/**
 * Golden cases of the promise check, written by hand. Company PRM (Europe/Paris, grace 3 days). Every
 * promise is made on Monday 2026-03-02; "paid" counts allocations (not reversed) to the promised invoices of
 * payments dated from 03-02 to the promised date + 3.
 *
 * | customer | promise                              | payments                                          | 03-10 check        |
 * |----------|--------------------------------------|---------------------------------------------------|--------------------|
 * | K        | 1,000.00 by 03-06 on K-1 (→ 03-09)   | 03-05 1,000.00 → K-1                              | kept, 1000.00      |
 * | K        | 200.00 by 03-03 on K-2 (→ 03-06)     | none on K-2                                       | broken, 0.00       |
 * | P        | 1,000.00 by 03-06 on P-1, P-2        | 03-01 100.00 → P-1 (before the promise),          | partly kept,       |
 * |          |                                      | 03-04 250.00 → P-1, 03-09 150.00 → P-2 (last day),| 400.00             |
 * |          |                                      | 03-05 200.00 → P-2 reversed, 03-10 300.00 → P-1   |                    |
 * | B        | 500.00 by 03-06 on B-1               | 03-05 500.00 → B-2 (not promised)                 | broken, 0.00       |
 * | N        | 300.00 by 03-12 on N-1 (→ 03-15)     | none                                              | not yet due: open  |
 * | G        | 300.00 by 03-07 on G-1 (→ 03-10)     | none                                              | within grace: open |
 * | C        | 300.00 by 03-04 on C-1, cancelled    | none                                              | cancelled: ignored |
 *
 * On 03-11 G's grace is over: broken. K's promise-kept rate: 1 kept of 2 checked = 50.00 %.
 */
let handle: DatabaseHandle;
let companyId: number;
let collectorId: number;
let takerId: number;
let taker: Actor;
const c: Record<string, Customer> = {};
const promiseOf: Record<string, number> = {};
const db = () => handle.db;
const on = (instant: string): AppContext => ({ db: db(), clock: fixedClock(instant) });

async function promise(key: string, customer: Customer, input: Omit<RecordPromiseInput, "channel">) {
  const made = await recordPromise(on("2026-03-02T09:00:00Z"), taker, customer.id, {
    channel: "phone",
    ...input,
    promisedDate: input.promisedDate as IsoDate,
  });
  promiseOf[key] = made.id;
  return made;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  companyId = (await makeDunningCompany(db(), "PRM")).id;
  collectorId = (await makeUser(db(), "collector", "Sophie Promesse")).id;
  const takerUser = await makeUser(db(), "credit_manager", "Paul Preneur");
  takerId = takerUser.id;
  taker = { kind: "user", userId: takerId, role: "credit_manager", name: takerUser.name, language: "fr" };
  const ofSophie = { collectorId };

  c.K = await makeDebtor(db(), companyId, "K", ofSophie);
  const k1 = await invoiceOf(db(), c.K, "K-1", "2026-02-15", 100000);
  const k2 = await invoiceOf(db(), c.K, "K-2", "2026-02-15", 20000);
  c.P = await makeDebtor(db(), companyId, "P", ofSophie);
  const p1 = await invoiceOf(db(), c.P, "P-1", "2026-02-15", 80000, 70000);
  const p2 = await invoiceOf(db(), c.P, "P-2", "2026-02-20", 40000);
  c.B = await makeDebtor(db(), companyId, "B"); // no collector: the task goes to who took the promise
  const b1 = await invoiceOf(db(), c.B, "B-1", "2026-02-15", 50000);
  const b2 = await invoiceOf(db(), c.B, "B-2", "2026-02-15", 50000);
  c.N = await makeDebtor(db(), companyId, "N", ofSophie);
  const n1 = await invoiceOf(db(), c.N, "N-1", "2026-02-15", 30000);
  c.G = await makeDebtor(db(), companyId, "G", ofSophie);
  const g1 = await invoiceOf(db(), c.G, "G-1", "2026-02-15", 30000);
  c.C = await makeDebtor(db(), companyId, "C", ofSophie);
  const c1 = await invoiceOf(db(), c.C, "C-1", "2026-02-15", 30000);

  await promise("K1", c.K, { amount: "1000.00", promisedDate: "2026-03-06" as IsoDate, invoiceIds: [k1.id] });
  await promise("K2", c.K, { amount: "200", promisedDate: "2026-03-03" as IsoDate, invoiceIds: [k2.id] });
  await promise("P", c.P, {
    amount: "1000",
    promisedDate: "2026-03-06" as IsoDate,
    invoiceIds: [p1.id, p2.id],
  });
  await promise("B", c.B, { amount: "500.00", promisedDate: "2026-03-06" as IsoDate, invoiceIds: [b1.id] });
  await promise("N", c.N, { amount: "300.00", promisedDate: "2026-03-12" as IsoDate, invoiceIds: [n1.id] });
  await promise("G", c.G, { amount: "300.00", promisedDate: "2026-03-07" as IsoDate, invoiceIds: [g1.id] });
  await promise("C", c.C, { amount: "300.00", promisedDate: "2026-03-04" as IsoDate, invoiceIds: [c1.id] });
  await cancelPromise(on("2026-03-02T10:00:00Z"), taker, promiseOf.C as number, { note: "recorded twice" });

  await makePayment(db(), k1, { amountMinor: 100000, paymentDate: "2026-03-05" });
  await makePayment(db(), p1, { amountMinor: 10000, paymentDate: "2026-03-01" });
  await makePayment(db(), p1, { amountMinor: 25000, paymentDate: "2026-03-04" });
  await makePayment(db(), p2, { amountMinor: 15000, paymentDate: "2026-03-09" });
  const reversed = await makePayment(db(), p2, { amountMinor: 20000, paymentDate: "2026-03-05" });
  await db().execute(
    sql`update payment_allocation set reversed_at = now() where payment_id = ${reversed.id}`,
  );
  await makePayment(db(), p1, { amountMinor: 30000, paymentDate: "2026-03-10" });
  await makePayment(db(), b2, { amountMinor: 50000, paymentDate: "2026-03-05" });
});
afterAll(async () => handle?.close());

type Line = { ref: string; status: string; amount: string; paid: string; task: boolean };

async function check(instant: string, asOf?: string): Promise<Line[]> {
  const items = await checkPromises(on(instant), asOf as IsoDate | undefined, { companyId });
  return items
    .map((i) => ({
      ref: i.customerRef,
      status: i.status,
      amount: i.amount,
      paid: i.paid,
      task: i.taskId !== null,
    }))
    .sort((a, b) => `${a.ref}${a.amount}`.localeCompare(`${b.ref}${b.amount}`));
}

async function statuses(): Promise<Record<string, string>> {
  const rows = await db().execute<{ id: number; status: string }>(sql`
    select id, status from promise_to_pay where company_id = ${companyId}`);
  const byId = new Map(rows.rows.map((r) => [r.id, r.status]));
  return Object.fromEntries(Object.entries(promiseOf).map(([key, id]) => [key, byId.get(id) ?? "?"]));
}

describe("checkPromises", () => {
  it("on 03-09 nothing is past its grace yet (K-2's deadline 03-06 is: broken)", async () => {
    expect(await check("2026-03-09T06:00:00Z")).toEqual([
      { ref: "K", status: "broken", amount: "200.00", paid: "0.00", task: true },
    ]);
  });

  it("on 03-10 decides kept, partly kept and broken; leaves what is not due or within grace open", async () => {
    expect(await check("2026-03-10T06:00:00Z")).toEqual([
      { ref: "B", status: "broken", amount: "500.00", paid: "0.00", task: true },
      { ref: "K", status: "kept", amount: "1000.00", paid: "1000.00", task: false },
      { ref: "P", status: "partly_kept", amount: "1000.00", paid: "400.00", task: true },
    ]);
    expect(await statuses()).toEqual({
      K1: "kept",
      K2: "broken",
      P: "partly_kept",
      B: "broken",
      N: "open",
      G: "open",
      C: "cancelled",
    });
  });

  it("gives each promise not kept a high-priority call task and an alert, to the collector or the taker", async () => {
    const tasks = await db().execute<Record<string, unknown>>(sql`
      select c.external_ref as ref, t.type, t.priority, t.assignee_id, t.due_date, t.title, t.invoice_ids
      from task t join customer c on c.id = t.customer_id where t.company_id = ${companyId}
      order by t.due_date, c.external_ref`);
    expect(tasks.rows).toEqual([
      expect.objectContaining({
        ref: "K",
        type: "call",
        priority: "high",
        assignee_id: collectorId,
        due_date: "2026-03-09",
      }),
      expect.objectContaining({
        ref: "B",
        type: "call",
        priority: "high",
        assignee_id: takerId,
        due_date: "2026-03-10",
      }),
      expect.objectContaining({
        ref: "P",
        type: "call",
        priority: "high",
        assignee_id: collectorId,
        due_date: "2026-03-10",
        title:
          "Promise partly kept: 400.00 EUR received of 1000.00 EUR promised for 2026-03-06. Call the customer.",
      }),
    ]);
    const alerts = await db().execute<{ ref: string; kind: string; user_id: number; message: string }>(sql`
      select c.external_ref as ref, a.kind, a.user_id, a.message
      from alert a join customer c on c.id = a.customer_id where a.company_id = ${companyId} order by a.id`);
    expect(alerts.rows.map((a) => [a.ref, a.kind, a.user_id])).toEqual([
      ["K", "promise_broken", collectorId],
      ["P", "promise_partly_kept", collectorId],
      ["B", "promise_broken", takerId],
    ]);
    expect(alerts.rows[2]?.message).toBe("B: promise to pay broken (500.00 EUR by 2026-03-06).");
  });

  it("says so on the timeline and in the audit log", async () => {
    const timeline = await db().execute<{ ref: string; type: string; summary: string }>(sql`
      select c.external_ref as ref, a.type, a.summary from activity a join customer c on c.id = a.customer_id
      where a.company_id = ${companyId} and a.type like 'promise\\_%' and a.type <> 'promise_cancelled'
      order by a.id`);
    expect(timeline.rows.map((r) => `${r.ref} ${r.type}`)).toEqual([
      "K promise_broken",
      "K promise_kept",
      "P promise_partly_kept",
      "B promise_broken",
    ]);
    expect(timeline.rows[2]?.summary).toBe(
      "Promise to pay 1000.00 EUR by 2026-03-06 partly kept: 400.00 EUR received; a call task and an alert were created",
    );
    const audit = await db().execute<{ n: number }>(sql`
      select count(*)::int as n from audit_log where entity = 'promise_to_pay' and action = 'check'
        and entity_id in (${sql.join(
          Object.values(promiseOf).map((id) => sql`${String(id)}`),
          sql`, `,
        )})`);
    expect(audit.rows[0]?.n).toBe(4);
  });

  it("is idempotent: a second check the same day changes nothing", async () => {
    expect(await check("2026-03-10T15:00:00Z")).toEqual([]);
    const tasks = await db().execute<{ n: number }>(
      sql`select count(*)::int as n from task where company_id = ${companyId}`,
    );
    expect(tasks.rows[0]?.n).toBe(3);
  });

  it("on 03-11 (explicit as-of date) G's grace is over: broken; N stays open", async () => {
    expect(await check("2026-03-20T06:00:00Z", "2026-03-11")).toEqual([
      { ref: "G", status: "broken", amount: "300.00", paid: "0.00", task: true },
    ]);
    expect((await statuses()).N).toBe("open");
  });

  it("gives each customer its promise-kept rate", async () => {
    const ctx = on("2026-03-11T06:00:00Z");
    const k = await listCustomerPromises(ctx, taker, c.K?.id as number);
    expect(k.keptRate).toBe(50);
    expect(k.counts).toEqual({ open: 0, kept: 1, partlyKept: 0, broken: 1, cancelled: 0 });
    expect(k.items.map((p) => [p.promisedDate, p.status, p.amount, p.paid, p.deadline, p.madeOn])).toEqual([
      ["2026-03-06", "kept", "1000.00", "1000.00", "2026-03-09", "2026-03-02"],
      ["2026-03-03", "broken", "200.00", "0.00", "2026-03-06", "2026-03-02"],
    ]);
    expect((await listCustomerPromises(ctx, taker, c.P?.id as number)).keptRate).toBe(0);
    expect((await listCustomerPromises(ctx, taker, c.N?.id as number)).keptRate).toBeNull();
    expect((await listCustomerPromises(ctx, taker, c.C?.id as number)).keptRate).toBeNull();
  });
});
