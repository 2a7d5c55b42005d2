import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../src/db/client";
import { selectAgendaRows } from "../../../src/domain/workbench/agenda.repo";
import { DEFAULT_PRIORITY_WEIGHTS, priorityScore } from "../../../src/domain/workbench/agenda.rules";
import type { Agenda, PriorityWeights } from "../../../src/domain/workbench/agenda.schemas";
import { fixedClock } from "../../../src/shared/clock";
import { buildTestApp, signIn } from "../../helpers/app";
import { openTestDatabase } from "../../helpers/db";
import { makeCompany, makeCustomer, makeInvoice, makeUser, TEST_PASSWORD } from "../../helpers/factories";

/**
 * The agenda's statement ranks the items itself and returns only those shown: its score must be the score
 * of `priorityScore` for every combination of factors (amounts in a currency with and without decimals,
 * capped scales, risk classes written in any case, broken promises, dispute ages) and any weights.
 */
const NOW = new Date("2026-03-09T08:00:00Z");
const RISKS = [null, "A", " b ", "C", "D", "3", "High", "Élevé", "ÉLEVÉ", "zz", "", "moyen"];
const WEIGHTS: PriorityWeights = {
  overdueAmount: 17,
  daysPastDue: 23,
  riskClass: 9,
  strategic: 31,
  brokenPromises: 7,
  disputeAge: 13,
};

let handle: DatabaseHandle;
let collectorId: number;
let collectorEmail: string;
let customerCount = 0;

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  const company = await makeCompany(db);
  const other = await makeCompany(db, { currency: "JPY" });
  const collector = await makeUser(db, "collector", "Ranking Collector");
  collectorId = collector.id;
  collectorEmail = collector.email;
  await db.execute(sql`insert into priority_setting (company_id, overdue_amount, days_past_due, risk_class,
      strategic, broken_promises, dispute_age)
    values (${company.id}, ${WEIGHTS.overdueAmount}, ${WEIGHTS.daysPastDue}, ${WEIGHTS.riskClass},
      ${WEIGHTS.strategic}, ${WEIGHTS.brokenPromises}, ${WEIGHTS.disputeAge})`);
  for (let n = 0; n < 48; n++) {
    const inOther = n % 4 === 3;
    const currency = inOther ? "JPY" : "EUR";
    const owner = inOther ? other : company;
    const c = await makeCustomer(db, owner.id, {
      currency,
      collectorId,
      riskClass: RISKS[n % RISKS.length] ?? null,
      isStrategic: n % 5 === 1,
    });
    customerCount += 1;
    // Overdue amounts from 0 to beyond the top of the scale, days past due up to twice the full scale.
    const amount = n % 7 === 0 ? 0 : Math.round(137 * 7.3 ** (n % 11));
    const daysLate = (n * 13) % 181;
    const due = new Date(Date.UTC(2026, 2, 9 - daysLate)).toISOString().slice(0, 10);
    const invoice = await makeInvoice(db, c, { amountMinor: Math.max(amount, 100), dueDate: due, currency });
    if (amount === 0) {
      await db.execute(
        sql`update invoice set open_amount_minor = 0, status = 'paid' where id = ${invoice.id}`,
      );
    }
    for (let b = 0; b < n % 4; b++) {
      await db.execute(sql`insert into promise_to_pay (company_id, customer_id, amount_minor, currency,
          promised_date, status, channel)
        values (${owner.id}, ${c.id}, 1000, ${currency}, ${`2026-0${1 + (b % 2)}-1${b}`}, 'broken', 'phone')`);
    }
    if (n % 3 === 0) {
      await db.execute(sql`insert into dispute (company_id, customer_id, invoice_id, amount_minor, currency,
          reason, deadline, created_at)
        values (${owner.id}, ${c.id}, ${invoice.id}, 100, ${currency}, 'price', '2026-04-30',
          ${new Date(NOW.getTime() - ((n * 7) % 90) * 86_400_000).toISOString()}::timestamptz)`);
    }
    await db.execute(sql`insert into task (company_id, customer_id, type, title, assignee_id, due_date, priority)
      values (${owner.id}, ${c.id}, 'call', ${`Call ${n}`}, ${collectorId}, '2026-03-09', 'normal')`);
  }
});
afterAll(async () => {
  await handle?.close();
});

describe("the agenda's ranking", () => {
  it("gives every item the score of priorityScore, in the order of those scores", async () => {
    const rows = await selectAgendaRows(handle.db, {
      scope: { ownerId: collectorId, kind: "collector" },
      now: NOW,
      horizon: 0,
      kind: "task",
      limit: 1000,
      defaults: DEFAULT_PRIORITY_WEIGHTS,
    });
    expect(rows.length).toBe(customerCount);
    const companies = new Set(rows.map((r) => r.company_id));
    expect(companies.size).toBe(2);
    const firstCompany = Math.min(...companies);
    const expected = rows.map((row) => {
      const weights = row.company_id === firstCompany ? WEIGHTS : DEFAULT_PRIORITY_WEIGHTS;
      return priorityScore(weights, {
        overdueMinor: row.overdue_minor,
        currency: row.customer_currency,
        maxDaysPastDue: row.max_days,
        riskClass: row.risk_class,
        isStrategic: row.is_strategic,
        brokenPromises: row.broken,
        oldestDisputeDays: row.dispute_days,
      }).score;
    });
    expect(rows.map((r) => r.score)).toEqual(expected);
    // Many distinct scores, some at the top of a scale: the comparison covers the formula, not only zeros.
    expect(new Set(expected).size).toBeGreaterThan(30);
    expect(rows.some((r) => r.overdue_minor > 0 && r.customer_currency === "JPY")).toBe(true);
    const ordered = [...expected].sort((a, b) => b - a);
    expect(expected).toEqual(ordered);
  });

  it("returns the first items only, with the counts of all", async () => {
    const app = await buildTestApp(handle, { clock: fixedClock("2026-03-09T08:00:00Z") });
    try {
      const session = await signIn(app, collectorEmail, TEST_PASSWORD);
      const all: Agenda = (await session.get("/api/agenda?limit=1000")).json();
      const top: Agenda = (await session.get("/api/agenda?limit=5")).json();
      const total = Object.values(all.counts).reduce((sum, n) => sum + n, 0);
      expect(all.items.length).toBe(total);
      expect(total).toBeGreaterThan(customerCount);
      expect(all.isTruncated).toBe(false);
      expect(top.items).toEqual(all.items.slice(0, 5));
      expect(top.isTruncated).toBe(true);
      expect(top.counts.task).toBe(customerCount);
      expect(top.counts).toEqual(all.counts);
      const tasks: Agenda = (await session.get("/api/agenda?kind=promise_due&limit=5")).json();
      expect(tasks.items).toEqual([]);
      expect(tasks.counts.task).toBe(0);
      expect(tasks.isTruncated).toBe(false);
    } finally {
      await app.close();
    }
  });
});
