import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/helpers/db";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import { isDomainError } from "../../shared/errors";
import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../users/users.types";
import { computeInterestOf } from "./compute-interest";
import { deleteReferenceRate } from "./delete-reference-rate";
import { ensureReferenceRates } from "./ensure-reference-rates";
import { importReferenceRates } from "./import-reference-rates";
import { InterestInput } from "./legal.schemas";
import { listReferenceRates } from "./list-reference-rates";
import { type RateValues, upsertShippedRates } from "./reference-rates.repo";
import { shippedReferenceRates } from "./shipped-reference-rates";
import { updateReferenceRate } from "./update-reference-rate";

let handle: DatabaseHandle;
let ctx: AppContext;

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = { db: handle.db, clock: fixedClock("2026-03-31") };
});
afterAll(async () => {
  await handle?.close();
});

const shipped = (): RateValues[] => shippedReferenceRates().map(({ line: _line, ...row }) => row);

async function rateRow(series: string, effectiveFrom: string) {
  const result = await handle.db.execute<{
    rate_percent: string;
    source: string;
    is_provisional: boolean;
    deleted: boolean;
  }>(
    sql`select rate_percent, source, is_provisional, deleted_at is not null as deleted
        from reference_rate where series = ${series} and effective_from = ${effectiveFrom}`,
  );
  return result.rows[0];
}

const example1 = InterestInput.parse({
  jurisdiction: "FR",
  amount: "12000.00",
  currency: "EUR",
  due: "2025-05-14",
  until: "2025-06-13",
});

describe("reference rates in the database", () => {
  it("seeds the shipped table once, idempotently, and computes the worked example from it", async () => {
    await ensureReferenceRates(handle.db);
    expect((await listReferenceRates(ctx)).items).toHaveLength(95);
    expect(await upsertShippedRates(handle.db, shipped())).toEqual({ created: 0, updated: 0 });
    expect((await listReferenceRates(ctx, "BOE_BANK_RATE")).items[0]).toMatchObject({
      series: "BOE_BANK_RATE",
      effectiveFrom: "2025-12-18",
      ratePercent: "3.75",
      source: "shipped",
    });
    expect(await computeInterestOf(ctx, example1)).toMatchObject({
      interest: "129.70",
      compensation: "40.00",
    });
  });

  it("a later release refreshes rows as shipped but never an administrator's row or removal", async () => {
    const ecb2024 = (await listReferenceRates(ctx, "ECB_MRO")).items.find(
      (r) => r.effectiveFrom === "2024-12-18",
    )!;
    await updateReferenceRate(ctx, SYSTEM_ACTOR, ecb2024.id, { ratePercent: "3.25", note: "corrected" });
    const boe = (await listReferenceRates(ctx, "BOE_BANK_RATE")).items.find(
      (r) => r.effectiveFrom === "2020-03-11",
    )!;
    await deleteReferenceRate(ctx, SYSTEM_ACTOR, boe.id);
    const nextRelease = shipped().map((row) =>
      row.series === "ECB_MRO" && row.effectiveFrom === "2026-06-17"
        ? { ...row, ratePercent: "2.35", note: null, isProvisional: false }
        : row,
    );
    expect(await upsertShippedRates(handle.db, nextRelease)).toEqual({ created: 0, updated: 1 });
    expect(await rateRow("ECB_MRO", "2026-06-17")).toMatchObject({
      rate_percent: "2.3500",
      is_provisional: false,
    });
    expect(await rateRow("ECB_MRO", "2024-12-18")).toMatchObject({ rate_percent: "3.2500", source: "admin" });
    expect(await rateRow("BOE_BANK_RATE", "2020-03-11")).toMatchObject({ deleted: true, source: "admin" });
    // 2025 H1 = 3.25 + 10 now: 12,000 × 13.25 % × 30 / 365.
    expect((await computeInterestOf(ctx, example1)).interest).toBe("130.68");
  });

  it("imports a file all or nothing: a bad row writes nothing and names line, column and value", async () => {
    const before = await handle.db.execute(sql`select count(*)::int as n from reference_rate`);
    const bad = "series,effective_from,rate_percent,note\nECB_MRO,2027-01-01,2.00,\nECB_MRO,2027-02-01,two,";
    const error = await importReferenceRates(ctx, SYSTEM_ACTOR, { csv: bad }).catch((e: unknown) => e);
    expect(isDomainError(error) && error.details.issues).toEqual([
      {
        field: "line 3, rate_percent",
        line: 3,
        column: "rate_percent",
        value: "two",
        message: expect.any(String),
      },
    ]);
    expect(await handle.db.execute(sql`select count(*)::int as n from reference_rate`)).toMatchObject({
      rows: before.rows,
    });
    const good = [
      "series,effective_from,rate_percent,note",
      "ECB_MRO,2024-12-18,3.15,",
      "ECB_MRO,2025-02-05,2.90,",
      "BOE_BANK_RATE,2020-03-11,0.25,",
      "DE_BASISZINSSATZ,2027-01-01,1.40,provisional: forecast",
    ].join("\n");
    expect(await importReferenceRates(ctx, SYSTEM_ACTOR, { csv: good, fileName: "rates.csv" })).toEqual({
      rows: 4,
      created: 1,
      updated: 2,
      unchanged: 1,
    });
    expect(await rateRow("BOE_BANK_RATE", "2020-03-11")).toMatchObject({ deleted: false });
    expect(await rateRow("DE_BASISZINSSATZ", "2027-01-01")).toMatchObject({
      is_provisional: true,
      source: "admin",
    });
    expect((await computeInterestOf(ctx, example1)).interest).toBe("129.70");
    const audit = await handle.db.execute<{ action: string }>(
      sql`select action from audit_log where entity = 'reference_rate' order by id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["update", "delete", "import"]);
  });
});
