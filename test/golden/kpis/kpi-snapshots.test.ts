import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../src/db/client";
import { auditLog, kpiSnapshot } from "../../../src/db/schema";
import { backfillDates, backfillKpiSnapshots } from "../../../src/domain/kpis/backfill-kpi-snapshots";
import { computeKpis } from "../../../src/domain/kpis/compute-kpis";
import type { KpiQuery } from "../../../src/domain/kpis/kpis.schemas";
import { takeKpiSnapshot } from "../../../src/domain/kpis/take-kpi-snapshot";
import { takeScheduledSnapshots } from "../../../src/domain/kpis/take-scheduled-snapshots";
import { SYSTEM_ACTOR } from "../../../src/domain/users/users.types";
import { fixedClock } from "../../../src/shared/clock";
import { type IsoDate, isoDate } from "../../../src/shared/dates";
import { openTestDatabase } from "../../helpers/db";
import { makeKpiWorld } from "./kpis-world";

/** Snapshots of the golden dataset (kpis-world.ts): stored figures equal the live computation. */
let handle: DatabaseHandle;
let world: Awaited<ReturnType<typeof makeKpiWorld>>;
const D = isoDate("2026-03-31");
const ctx = () => ({ db: handle.db, clock: fixedClock("2026-04-01") });
const manager = { ...SYSTEM_ACTOR, kind: "user" as const, role: "credit_manager" as const };

async function live(date: IsoDate, extra: Partial<KpiQuery> = {}) {
  const { items } = await computeKpis(ctx(), SYSTEM_ACTOR, { companyId: world.company.id, date, ...extra });
  return items[0];
}

async function stored(date: string, segmentKey = "*", collectorKey = "*") {
  const rows = await handle.db
    .select()
    .from(kpiSnapshot)
    .where(
      and(
        eq(kpiSnapshot.companyId, world.company.id),
        eq(kpiSnapshot.snapshotDate, date),
        eq(kpiSnapshot.segmentKey, segmentKey),
        eq(kpiSnapshot.collectorKey, collectorKey),
      ),
    );
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

async function countRows(): Promise<number> {
  const result = await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from kpi_snapshot`);
  return result.rows[0]!.n;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  world = await makeKpiWorld(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

describe("the KPI snapshot of a day", () => {
  it("stores every grouping in one go, each equal to the live figures of that cut", async () => {
    const taken = await takeKpiSnapshot(ctx(), SYSTEM_ACTOR, {
      companyId: world.company.id,
      date: D,
      source: "cli",
    });
    expect(taken.outcome).toBe("created");
    // currency × {all, smes, key} × {all, Sophie, Julien}, only the cuts that have items: all/all,
    // smes/all, key/all, all/Sophie, all/Julien, smes/Sophie, key/Julien
    expect(taken.rows).toBe(7);
    expect(taken.items).toEqual([await live(D)]);
    expect((await stored(D)).figures).toEqual(await live(D));
    expect((await stored(D, "key")).figures).toEqual(await live(D, { segment: "key" }));
    const julien = String(world.users.julien.id);
    expect((await stored(D, "*", julien)).figures).toEqual(
      await live(D, { collectorId: world.users.julien.id }),
    );
    expect((await stored(D, "key", julien)).figures).toEqual(
      await live(D, { segment: "key", collectorId: world.users.julien.id }),
    );
    const row = await stored(D);
    // the aging amounts are kept in minor units too: 2,700.00 + 4,400.00 + 2,000.00 + 600.00
    expect([row.notDueMinor, row.d31To60Minor, row.d61To90Minor, row.d90PlusMinor]).toEqual([
      270000, 440000, 200000, 60000,
    ]);
    expect([row.receivablesMinor, row.overdueMinor, row.cashCollectedMinor]).toEqual([
      970000, 700000, 550000,
    ]);
  });

  it("returns a snapshot already taken as it is, without writing", async () => {
    const before = await countRows();
    const again = await takeKpiSnapshot(ctx(), SYSTEM_ACTOR, {
      companyId: world.company.id,
      date: D,
      source: "cli",
    });
    expect(again.outcome).toBe("stored");
    expect(again.items[0]!.dsoCountback).toBe(76.08);
    expect(await countRows()).toBe(before);
  });

  it("refuses a day that is not over yet", async () => {
    await expect(
      takeKpiSnapshot(ctx(), SYSTEM_ACTOR, {
        companyId: world.company.id,
        date: isoDate("2026-04-02"),
        source: "cli",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("takes yesterday's snapshot from the scheduler, once", async () => {
    const clock = { db: handle.db, clock: fixedClock("2026-03-31T08:00:00Z") };
    const first = await takeScheduledSnapshots(clock);
    expect(first).toEqual([{ companyId: world.company.id, date: "2026-03-30", outcome: "created", rows: 7 }]);
    expect(await takeScheduledSnapshots(clock)).toEqual([]);
    expect((await stored("2026-03-30")).figures).toEqual(await live(isoDate("2026-03-30")));
  });
});

describe("the backfill", () => {
  it("takes month ends, then every day of the last 60", () => {
    const dates = backfillDates(isoDate("2025-01-15"), D, "monthly");
    expect(dates.slice(0, 3)).toEqual(["2025-01-31", "2025-02-28", "2025-03-31"]);
    expect(dates.filter((d) => d < "2026-01-31")).toHaveLength(12);
    expect(dates.filter((d) => d >= "2026-01-31")).toHaveLength(60);
    expect(backfillDates(isoDate("2026-03-01"), D, "daily")).toHaveLength(31);
  });

  it("rebuilds past days from the history known then, and keeps what is stored", async () => {
    const input = { companyId: world.company.id, from: isoDate("2025-10-01"), through: D };
    const first = await backfillKpiSnapshots(ctx(), SYSTEM_ACTOR, input);
    // month ends Oct – Dec 2025 (3) + the 60 days from 2026-01-31; 03-30 and 03-31 were already taken
    expect(first).toMatchObject({ created: 61, stored: 2 });
    for (const date of ["2025-12-31", "2026-01-31", "2026-02-28", "2026-03-10"] as IsoDate[]) {
      expect((await stored(date)).figures).toEqual(await live(date));
    }
    // the allocation of I11 was live on 02-28 (reversed on 03-10): the backfill does not see the reversal
    expect(((await stored("2026-02-28")).figures as { receivables: string }).receivables).toBe("9900.00");
    const rows = await countRows();
    const second = await backfillKpiSnapshots(ctx(), SYSTEM_ACTOR, input);
    expect(second).toMatchObject({ created: 0, stored: 63 });
    expect(await countRows()).toBe(rows);
  });
});

describe("an explicit recompute", () => {
  it("is refused to a collector", async () => {
    const collector = { ...manager, role: "collector" as const };
    await expect(
      takeKpiSnapshot(ctx(), collector, {
        companyId: world.company.id,
        date: D,
        recompute: true,
        source: "api",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("replaces the stored figures with today's knowledge and logs before and after", async () => {
    // A payment of I8 dated 03-20 recorded after the snapshot: the stored figures ignore it until recomputed.
    await handle.db.execute(sql`update invoice set open_amount_minor = 0, status = 'paid', closed_at = '2026-03-20T10:00:00Z'
      where id = ${world.invoices.i8.id}`);
    expect(
      (await takeKpiSnapshot(ctx(), SYSTEM_ACTOR, { companyId: world.company.id, date: D, source: "cli" }))
        .items[0]!.receivables,
    ).toBe("9700.00");
    const recomputed = await takeKpiSnapshot(ctx(), manager, {
      companyId: world.company.id,
      date: D,
      recompute: true,
      source: "api",
    });
    expect(recomputed.outcome).toBe("recomputed");
    expect(recomputed.items[0]!.receivables).toBe("7900.00");
    expect((await stored(D)).recomputedAt).not.toBeNull();
    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "kpi_snapshot.recompute"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: "kpi_snapshot", entityId: "GK:2026-03-31" });
    expect((audit[0]!.before as { items: { receivables: string }[] }).items[0]!.receivables).toBe("9700.00");
    expect((audit[0]!.after as { items: { receivables: string }[] }).items[0]!.receivables).toBe("7900.00");
  });
});
