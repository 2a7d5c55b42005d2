import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../src/db/client";
import { openTestDatabase } from "../../helpers/db";
import { makeUser } from "../../helpers/factories";
import { type Customer, invoiceOf, makeDebtor, makeDunningCompany, runOn, summary } from "./dunning-world";

/**
 * Golden cases of the shipped Standard and Key accounts scenarios, written by hand.
 * Calendar: 2026-03-02 is a Monday; 2026-03-07/08 a weekend.
 */
let handle: DatabaseHandle;
let companyId: number;
const c: Record<string, Customer> = {};

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  companyId = (await makeDunningCompany(db, "GOLD")).id;
  const rep = await makeUser(db, "sales", "Rep Golden");
  const collector = await makeUser(db, "collector", "Collector Golden");
  const people = { salesRepId: rep.id, collectorId: collector.id };
  // A: one invoice due Monday 03-09, reminded before the due date and on it.
  c.A = await makeDebtor(db, companyId, "A", people);
  await invoiceOf(db, c.A, "A-1", "2026-03-09", 120000);
  // B: two invoices at different levels grouped into one message at the most advanced level.
  c.B = await makeDebtor(db, companyId, "B", people);
  await invoiceOf(db, c.B, "B-1", "2026-02-20", 50000);
  await invoiceOf(db, c.B, "B-2", "2026-03-02", 30000);
  // C and D: D+7 on 03-09; the sales rep hears of C (6,000.00 ≥ 5,000) but not of D (4,999.99).
  c.C = await makeDebtor(db, companyId, "C", people);
  await invoiceOf(db, c.C, "C-1", "2026-03-02", 600000);
  c.D = await makeDebtor(db, companyId, "D", people);
  await invoiceOf(db, c.D, "D-1", "2026-03-02", 499999);
  // H: partly paid invoice, dunned for what is still open.
  c.H = await makeDebtor(db, companyId, "H", people);
  await invoiceOf(db, c.H, "H-1", "2026-03-02", 100000, 40000);
  // I: an open credit note larger than the overdue invoice: net credit, nothing to chase.
  c.I = await makeDebtor(db, companyId, "I", people);
  await invoiceOf(db, c.I, "I-1", "2026-03-02", 50000);
  await db.execute(sql`
    insert into invoice (company_id, customer_id, external_ref, number, type, issue_date, due_date, amount_minor,
      open_amount_minor, currency)
    values (${companyId}, ${c.I.id}, 'I-CN', 'I-CN', 'credit_note', '2026-03-01', '2026-03-01', -80000, -80000, 'EUR')`);
  // K: imported 36 days late: only the most advanced step (formal notice), no burst of old reminders.
  c.K = await makeDebtor(db, companyId, "K", people);
  await invoiceOf(db, c.K, "K-1", "2026-02-01", 70000);
  // L: a strategic customer follows Key accounts: an account statement at the due date.
  c.L = await makeDebtor(db, companyId, "L", { ...people, isStrategic: true });
  await invoiceOf(db, c.L, "L-1", "2026-03-09", 900000);
  // P: paid invoice: nothing.
  c.P = await makeDebtor(db, companyId, "P", people);
  const paid = await invoiceOf(db, c.P, "P-1", "2026-03-02", 10000, 0);
  await db.execute(sql`update invoice set status = 'paid' where id = ${paid.id}`);
});
afterAll(async () => handle?.close());

describe("the Standard scenario, golden cases", () => {
  it("03-04: courtesy reminder at D−5, D+0 and D+7 as due, the latest step only for a late import", async () => {
    const day = await runOn(handle.db, companyId, "2026-03-04");
    expect(summary(day)).toEqual([
      "A d-5 email",
      "B d+7 email", // B-1 is 12 days late, B-2 2 days: one message at B-1's level
      "B d+7 task",
      "C d+0 alert",
      "C d+0 email",
      "D d+0 alert",
      "D d+0 email",
      "H d+0 alert",
      "H d+0 email",
      "K d+30 letter", // 31 days late: the formal notice, not four stale reminders
    ]);
    const b = day?.actions.find((a) => a.customer.externalRef === "B" && a.type === "email");
    expect(b?.invoiceNumbers).toEqual(["B-1", "B-2"]);
    expect(b?.amount).toBe("800.00");
    expect(b?.recipient).toBe("ap@b.example");
    expect(b?.reason).toBe(
      "invoice B-1 is 12 days past due; scenario Standard step D+7 Second reminder; 1 other overdue invoice listed",
    );
    const k = day?.actions.find((a) => a.customer.externalRef === "K");
    expect(k?.status).toBe("pending_review"); // Standard's formal notice waits for a credit manager
    const h = day?.actions.find((a) => a.customer.externalRef === "H" && a.type === "email");
    expect(h?.amount).toBe("400.00");
    const a = day?.actions.find((x) => x.customer.externalRef === "A");
    expect(a?.reason).toBe("invoice A-1 is due in 5 days; scenario Standard step D-5 Courtesy reminder");
  });

  it("03-04 again: a second run for the same date creates nothing", async () => {
    const day = await runOn(handle.db, companyId, "2026-03-04");
    expect(summary(day)).toEqual([]);
  });

  it("03-07 is a Saturday: nothing goes out, and the reason says so", async () => {
    const day = await runOn(handle.db, companyId, "2026-03-07");
    expect(day?.skipped).toBe("not a working day");
    expect(summary(day)).toEqual([]);
  });

  it("03-09: the next levels, the amount threshold of the internal email, the key account's statement", async () => {
    const day = await runOn(handle.db, companyId, "2026-03-09");
    expect(summary(day)).toEqual([
      "A d+0 alert",
      "A d+0 email",
      "B d+14 alert",
      "B d+14 email",
      "B d+14 interest",
      "B d+14 internal_email",
      "B d+14 task",
      "C d+7 email",
      "C d+7 internal_email", // 6,000.00 ≥ 5,000.00
      "C d+7 task",
      "D d+7 email", // 4,999.99: no internal email
      "D d+7 task",
      "H d+7 email",
      "H d+7 task",
      "L d+0 statement",
    ]);
    const internal = day?.actions.find((x) => x.customer.externalRef === "C" && x.type === "internal_email");
    expect(internal?.recipient).toBe("rep.golden@test.encours.app");
    expect(internal?.reason).toContain("condition invoice amount ≥ 5000.00 met");
    expect(internal?.reasonData.conditionData).toEqual([
      { field: "invoice_amount", op: "gte", value: "5000.00" },
    ]);
    const collection = day?.actions.find(
      (x) => x.customer.externalRef === "B" && x.type === "internal_email",
    );
    expect(collection?.recipient).toBe("recouvrement@gold.example");
  });

  it("writes the side effects: outbox messages, tasks, alerts and the timeline", async () => {
    const count = async (query: ReturnType<typeof sql>) =>
      Number((await handle.db.execute<{ n: number }>(query)).rows[0]?.n);
    expect(await count(sql`select count(*)::int as n from outbox`)).toBe(13); // 5 on 03-04 (K's formal notice waits for review), 8 on 03-09
    expect(await count(sql`select count(*)::int as n from task where status = 'open'`)).toBe(5);
    expect(await count(sql`select count(*)::int as n from alert`)).toBe(5);
    expect(await count(sql`select count(*)::int as n from activity where type = 'dunning_step'`)).toBe(11); // one per message carried out
    const task = await handle.db.execute<{ due_date: string; assignee: string }>(sql`
      select t.due_date::text, u.email as assignee from task t join customer c on c.id = t.customer_id
      join app_user u on u.id = t.assignee_id where c.external_ref = 'C'`);
    expect(task.rows).toEqual([{ due_date: "2026-03-11", assignee: "collector.golden@test.encours.app" }]);
  });
});
