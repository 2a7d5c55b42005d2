import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoiceOf, makeDebtor, makeDunningCompany } from "../../test/golden/dunning/dunning-world";
import { CLI_TIMEOUT, runCli } from "../../test/helpers/cli";
import { makePayment } from "../../test/helpers/factories";
import { openDatabase } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { SYSTEM_ACTOR } from "../domain/users/users.types";
import { recordPromise } from "../domain/workbench/record-promise";
import { fixedClock } from "../shared/clock";
import type { IsoDate } from "../shared/dates";

/**
 * `encours promises check` on an embedded data directory: A promised 500.00 by 03-04 and paid it on 03-04,
 * B promised 300.00 by 03-04 and paid nothing (both deadlines 03-07 with 3 days' grace).
 */
const root = mkdtempSync(path.join(tmpdir(), "encours-promises-"));
const dataDir = path.join(root, "data");

beforeAll(async () => {
  const handle = await openDatabase({ dataDir });
  try {
    const db = handle.db;
    await applyMigrations(db);
    const companyId = (await makeDunningCompany(db, "PCLI")).id;
    const ctx = { db, clock: fixedClock("2026-03-02T09:00:00Z") };
    for (const [ref, amount] of [
      ["A", 50000],
      ["B", 30000],
    ] as const) {
      const customer = await makeDebtor(db, companyId, ref);
      const invoice = await invoiceOf(db, customer, `${ref}-1`, "2026-02-20", amount);
      await recordPromise(ctx, SYSTEM_ACTOR, customer.id, {
        amount: String(amount / 100),
        promisedDate: "2026-03-04" as IsoDate,
        invoiceIds: [invoice.id],
        channel: "phone",
      });
      if (ref === "A") await makePayment(db, invoice, { amountMinor: amount, paymentDate: "2026-03-04" });
    }
  } finally {
    await handle.close();
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("encours promises check", { timeout: CLI_TIMEOUT }, () => {
  it("checks the promises past their grace as of a date, once", async () => {
    const args = ["promises", "check", "--date", "2026-03-08", "--json", "--data-dir", dataDir];
    const first = await runCli(args);
    expect([first.code, first.stderr]).toEqual([0, ""]);
    const result = JSON.parse(first.stdout);
    expect(result).toMatchObject({ date: "2026-03-08", checked: 2, kept: 1, partlyKept: 0, broken: 1 });
    expect(
      result.promises.map((p: Record<string, unknown>) => [
        p.customerRef,
        p.status,
        p.amount,
        p.paid,
        p.deadline,
      ]),
    ).toEqual([
      ["A", "kept", "500.00", "500.00", "2026-03-07"],
      ["B", "broken", "300.00", "0.00", "2026-03-07"],
    ]);
    expect(result.promises[1].taskId).toEqual(expect.any(Number));
    const again = await runCli(args);
    expect(JSON.parse(again.stdout)).toMatchObject({ checked: 0, promises: [] });
  });

  it("refuses a bad date or company with exit code 1, naming the flag", async () => {
    const bad = await runCli(["promises", "check", "--date", "2026-02-30", "--data-dir", dataDir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--date");
    const company = await runCli(["promises", "check", "--company", "NOPE", "--data-dir", dataDir]);
    expect(company.code).toBe(1);
    expect(company.stderr).toContain("--company");
  });
});
