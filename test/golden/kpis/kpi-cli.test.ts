import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/db/client";
import { applyMigrations } from "../../../src/db/migrate";
import { CLI_TIMEOUT, runCli } from "../../helpers/cli";
import { makeKpiWorld } from "./kpis-world";

/** `encours kpi` on an embedded data directory holding the golden dataset (kpis-world.ts). */
const root = mkdtempSync(path.join(tmpdir(), "encours-kpi-"));
const dataDir = path.join(root, "data");

beforeAll(async () => {
  const handle = await openDatabase({ dataDir });
  try {
    await applyMigrations(handle.db);
    await makeKpiWorld(handle.db);
  } finally {
    await handle.close();
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("encours kpi", { timeout: CLI_TIMEOUT }, () => {
  it("prints the contract's keys, one object per date with --from", async () => {
    const args = ["kpi", "--date", "2026-03-31", "--from", "2026-03-30", "--company", "GK", "--json"];
    const result = await runCli([...args, "--data-dir", dataDir]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    const days = JSON.parse(result.stdout);
    expect(days.map((d: { date: string }) => d.date)).toEqual(["2026-03-30", "2026-03-31"]);
    const k = days[1];
    for (const key of [
      "dsoSimple",
      "bpdsoSimple",
      "bpdsoCountback",
      "addSimple",
      "lateRateCount",
      "lateRateAmount",
    ]) {
      expect(typeof k[key]).toBe("number");
    }
    // values computed by hand in kpis.test.ts
    expect(k).toMatchObject({
      date: "2026-03-31",
      currency: "EUR",
      dsoCountback: 76.08,
      addCountback: 53.46,
      cei: 45.31,
      avgPaymentDelay: 10.27,
      overdueRatio: 72.16,
      disputeRateAmount: 10.31,
      aging: { notDue: "2700.00", d1_30: "0.00", d31_60: "4400.00", d61_90: "2000.00", d90plus: "600.00" },
    });
  });

  it("stores the snapshot, prints it as stored the next time, and recomputes only when asked", async () => {
    const args = ["kpi", "--date", "2026-02-28", "--company", "GK", "--json", "--data-dir", dataDir];
    const first = await runCli(args);
    const second = await runCli(args);
    expect([second.code, second.stderr]).toEqual([0, ""]);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
    expect(JSON.parse(first.stdout)).toMatchObject({ company: "GK", receivables: "9900.00" });
    const recomputed = await runCli([...args, "--recompute"]);
    expect(recomputed.code).toBe(0);
    const handle = await openDatabase({ dataDir });
    try {
      const audit = await handle.db.execute<{ n: number }>(
        sql`select count(*)::int as n from audit_log where action = 'kpi_snapshot.recompute'`,
      );
      expect(audit.rows[0]!.n).toBe(1);
    } finally {
      await handle.close();
    }
  });

  it("names a bad flag in the JSON error", async () => {
    const result = await runCli([
      "kpi",
      "--date",
      "2026-03-31",
      "--company",
      "NOPE",
      "--json",
      "--data-dir",
      dataDir,
    ]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error.issues[0]).toMatchObject({ field: "--company", value: "NOPE" });
  });
});
