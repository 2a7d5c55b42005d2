import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../src/db/client";
import { computeKpis } from "../../../src/domain/kpis/compute-kpis";
import type { KpiReport } from "../../../src/domain/kpis/kpis.schemas";
import { SYSTEM_ACTOR } from "../../../src/domain/users/users.types";
import { fixedClock } from "../../../src/shared/clock";
import { type IsoDate, isoDate } from "../../../src/shared/dates";
import { openTestDatabase } from "../../helpers/db";
import { makeKpiWorld } from "./kpis-world";

/**
 * Every KPI of the golden dataset (kpis-world.ts), computed by hand. As of D = 2026-03-31 the period is
 * (2025-12-31, 2026-03-31], 90 days = January 31 + February 28 + March 31.
 *
 * Open on D: I2 2,000 (71 days late) + I3 1,000 (50) + I5 1,200 (due on D: not due) + I6 3,000 (40)
 *   + I8 1,800 (not due) + CN1 −300 (credit notes do not age) + I9 600 (151) + I11 400 (55; its allocation
 *   was reversed on 03-10) = AR 9,700.00; overdue 2,000 + 1,000 + 3,000 + 600 + 400 = 7,000.00;
 *   current 1,200 + 1,800 − 300 = 2,700.00.
 * Credit sales (invoices by issue date): March I5 1,200 + I8 1,800 + I10 700 = 3,700; February I4 800 +
 *   I7 2,500 = 3,300; January I3 1,500 + I6 3,000 + I11 400 = 4,900; period 11,900.00 (8 invoices).
 * Beginning AR (2025-12-31): I9 600 + I1 1,000 (paid 01-10) + I2 2,000 = 3,600.
 * Payments received in the period: I1 1,000 (+26 days), I3 500 (+11), I4 800 (−2), I7 2,500 (+10),
 *   I10 700 (−25) = 5,500 in 5 allocations; I11's reversed allocation does not count.
 */
let handle: DatabaseHandle;
let world: Awaited<ReturnType<typeof makeKpiWorld>>;

async function report(date: string, extra: { segment?: string } = {}): Promise<KpiReport> {
  const ctx = { db: handle.db, clock: fixedClock("2026-03-31") };
  const { items } = await computeKpis(ctx, SYSTEM_ACTOR, {
    companyId: world.company.id,
    date: isoDate(date) as IsoDate,
    ...extra,
  });
  expect(items).toHaveLength(1);
  return items[0]!;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  world = await makeKpiWorld(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

describe("KPIs of the golden dataset as of 2026-03-31", () => {
  it("gives every figure computed by hand", async () => {
    const k = await report("2026-03-31");
    expect(k.date).toBe("2026-03-31");
    expect(k.currency).toBe("EUR");
    expect(k.periodFrom).toBe("2026-01-01");
    expect(k.periodDays).toBe(90);
    expect(k.receivables).toBe("9700.00");
    expect(k.currentReceivables).toBe("2700.00");
    expect(k.overdueReceivables).toBe("7000.00");
    expect(k.creditSales).toBe("11900.00");
    // 9,700 ÷ 11,900 × 90 = 73.3613…
    expect(k.dsoSimple).toBe(73.36);
    // 9,700 − March 3,700 = 6,000 (31 d) − February 3,300 = 2,700 (28 d); 2,700 ÷ January 4,900 × 31
    // = 17.0816…; 31 + 28 + 17.0816 = 76.0816…
    expect(k.dsoCountback).toBe(76.08);
    // 2,700 ÷ 11,900 × 90 = 20.4201…
    expect(k.bpdsoSimple).toBe(20.42);
    // 2,700 < March 3,700: 2,700 ÷ 3,700 × 31 = 22.6216…
    expect(k.bpdsoCountback).toBe(22.62);
    // 73.3613… − 20.4201… = 52.9411… (= 7,000 ÷ 11,900 × 90)
    expect(k.addSimple).toBe(52.94);
    // 76.0816… − 22.6216… = 53.4600…
    expect(k.addCountback).toBe(53.46);
    // (3,600 + 11,900 − 9,700) ÷ (3,600 + 11,900 − 2,700) × 100 = 5,800 ÷ 12,800 × 100 = 45.3125
    expect(k.cei).toBe(45.31);
    // (1,000 × 26 + 500 × 11 + 800 × 0 + 2,500 × 10 + 700 × 0) ÷ 5,500 = 56,500 ÷ 5,500 = 10.2727…
    expect(k.avgPaymentDelay).toBe(10.27);
    // (56,500 − 800 × 2 − 700 × 25) ÷ 5,500 = 37,400 ÷ 5,500 = 6.8
    expect(k.avgPaymentDelaySigned).toBe(6.8);
    // 3 late (I1, I3, I7) of 5
    expect(k.lateRateCount).toBe(60);
    // (1,000 + 500 + 2,500) ÷ 5,500 × 100 = 72.7272…
    expect(k.lateRateAmount).toBe(72.73);
    // 7,000 ÷ 9,700 × 100 = 72.1649…
    expect(k.overdueRatio).toBe(72.16);
    // I6's open 3,000 disputed for 1,000: 1,000 ÷ 9,700 × 100 = 10.3092…
    expect(k.disputeRateAmount).toBe(10.31);
    expect(k.disputedReceivables).toBe("1000.00");
    // I6 is the one disputed invoice of the 8 issued in the period: 12.5
    expect(k.disputeRateCount).toBe(12.5);
    // the allocations dated in the period and still live: 5,500
    expect(k.cashCollected).toBe("5500.00");
    expect(k.aging).toEqual({
      notDue: "2700.00", // I5 1,200 + I8 1,800 − CN1 300
      d1_30: "0.00",
      d31_60: "4400.00", // I3 1,000 (50 d) + I6 3,000 (40 d) + I11 400 (55 d)
      d61_90: "2000.00", // I2 (71 d)
      d90plus: "600.00", // I9 (151 d)
    });
    // Fell due in the period: I2's promise (deadline 03-10 + 3 = 03-13, nothing received: broken) and I7's
    // (03-25 + 3 = 03-28, 2,500 allocated on 03-27: kept); I3's promise (04-15) has not fallen due: 1 ÷ 2.
    expect(k.promiseKeptRate).toBe(50);
    // calls 02-10 and 03-20 (the 2025-12-15 call is before the period); one dunning step; one task done
    expect(k.activity).toEqual({ calls: 2, messages: 1, tasksDone: 1 });
  });

  it("forecasts the open invoices on due date + the customer's average delay, or the promised date", async () => {
    // A's delay over 12 months: (1,000 × 26 + 500 × 11 + 800 × 0) ÷ 2,300 = 13.69 → 14 days;
    // B's: (2,500 × 10 + 700 × 0) ÷ 3,200 = 7.81 → 8 days.
    // I2, I6, I9, I11 expected before D → tomorrow; I5 03-31 + 14 = 04-14 (14 d); I3 promised 04-15 (15 d):
    // d1_30 = 2,000 + 3,000 + 600 + 400 + 1,200 + 1,000 = 8,200. I8 05-10 + 8 = 05-18 (48 d): d31_60 1,800.
    const k = await report("2026-03-31");
    expect(k.forecast).toEqual({
      d1_30: "8200.00",
      d31_60: "1800.00",
      d61_90: "0.00",
      d90plus: "0.00",
      promised: "1000.00",
    });
  });

  it("rebuilds a past day's truth from the history", async () => {
    // On 2026-02-28: I1 paid (01-10), I2 2,000 (40 d late), I3 1,500 − 500 = 1,000 (19 d), I4 800 (not due),
    // I6 3,000 (9 d), I7 2,500 (not due), I9 600 (120 d), I11 0 (its allocation was live until 03-10).
    const k = await report("2026-02-28");
    expect(k.receivables).toBe("9900.00");
    expect(k.aging).toEqual({
      notDue: "3300.00",
      d1_30: "4000.00",
      d31_60: "2000.00",
      d61_90: "0.00",
      d90plus: "600.00",
    });
    // period (2025-11-28, 2026-02-28]: I1 1,000 + I11 400 + I3 500 allocated
    expect(k.cashCollected).toBe("1900.00");
    // the dispute opened on 02-25: 1,000 ÷ 9,900 × 100 = 10.1010…
    expect(k.disputeRateAmount).toBe(10.1);
  });

  it("cuts by segment: B's items only", async () => {
    // B open on D: I6 3,000 + I8 1,800 − CN1 300 + I11 400 = 4,900; overdue I6 + I11 = 3,400
    const k = await report("2026-03-31", { segment: "key" });
    expect(k.receivables).toBe("4900.00");
    // 3,400 ÷ 4,900 × 100 = 69.3877…
    expect(k.overdueRatio).toBe(69.39);
  });
});
