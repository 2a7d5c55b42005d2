import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoiceOf, makeDebtor, makeDunningCompany } from "../../test/golden/dunning/dunning-world";
import { CLI_TIMEOUT, runCli } from "../../test/helpers/cli";
import { type Database, openDatabase } from "../db/client";
import { applyMigrations } from "../db/migrate";

/**
 * `encours run` on an embedded data directory seeded in this process (closed before any command runs):
 * A's invoice is due Monday 2026-03-02 (D+0), B's a week before (D+7), C's on Sunday 03-08 (D−5 on 03-03).
 */
const root = mkdtempSync(path.join(tmpdir(), "encours-run-"));
const dataDir = path.join(root, "data");
let companyId: number;

async function withData<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ dataDir });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  await withData(async (db) => {
    await applyMigrations(db);
    companyId = (await makeDunningCompany(db, "RUNCLI")).id;
    await invoiceOf(db, await makeDebtor(db, companyId, "A"), "A-1", "2026-03-02", 120000);
    await invoiceOf(db, await makeDebtor(db, companyId, "B"), "B-1", "2026-02-23", 80000);
    await invoiceOf(db, await makeDebtor(db, companyId, "C"), "C-1", "2026-03-08", 30000);
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

type ContractAction = { date: string; customerRef: string; step: string; type: string; status: string };
const lines = (actions: ContractAction[]) =>
  actions.map((a) => `${a.date} ${a.customerRef} ${a.step} ${a.type}`);

describe("encours run", { timeout: CLI_TIMEOUT }, () => {
  it("simulates three days writing nothing, then plans the date with the contract's JSON keys", async () => {
    const dry = await runCli([
      "run",
      "--dry-run",
      "--days",
      "3",
      "--date",
      "2026-03-02",
      "--json",
      "--data-dir",
      dataDir,
    ]);
    expect(dry.code).toBe(0);
    const simulated = JSON.parse(dry.stdout);
    expect(simulated).toMatchObject({ date: "2026-03-02", dryRun: true });
    expect(simulated.days.map((d: { date: string; actions: number }) => [d.date, d.actions])).toEqual([
      ["2026-03-02", 4],
      ["2026-03-03", 1],
      ["2026-03-04", 0],
    ]);
    expect(lines(simulated.actions).sort()).toEqual([
      "2026-03-02 A d+0 alert",
      "2026-03-02 A d+0 email",
      "2026-03-02 B d+7 email",
      "2026-03-02 B d+7 task",
      "2026-03-03 C d-5 email",
    ]);

    const real = await runCli(["run", "--date", "2026-03-02", "--json", "--data-dir", dataDir]);
    expect(real.code).toBe(0);
    const planned = JSON.parse(real.stdout);
    expect(planned).toMatchObject({ date: "2026-03-02", dryRun: false });
    expect(lines(planned.actions).sort()).toEqual(lines(simulated.actions).sort().slice(0, 4));
    for (const action of planned.actions) {
      expect(Object.keys(action)).toEqual(
        expect.arrayContaining([
          "id",
          "customerRef",
          "invoiceNumbers",
          "scenario",
          "step",
          "type",
          "channel",
          "recipient",
          "reason",
          "status",
        ]),
      );
    }
    const email = planned.actions.find((a: ContractAction) => a.customerRef === "A" && a.type === "email");
    expect(email).toEqual({
      id: expect.any(Number),
      date: "2026-03-02",
      company: companyId,
      customerRef: "A",
      customerName: "A",
      invoiceNumbers: ["A-1"],
      scenario: "Standard",
      step: "d+0",
      type: "email",
      channel: "email",
      recipient: "ap@a.example",
      amount: "1200.00",
      currency: "EUR",
      reason: "invoice A-1 is due today; scenario Standard step D+0 Due date reminder",
      status: "planned",
    });
    const task = planned.actions.find((a: ContractAction) => a.customerRef === "B" && a.type === "task");
    expect(task).toMatchObject({ channel: "task", status: "done", invoiceNumbers: ["B-1"] });

    const stored = await withData(async (db) => {
      const rows = await db.execute<{ id: number }>(sql`select id from dunning_action order by id`);
      return rows.rows.map((r) => Number(r.id));
    });
    expect(stored).toEqual(
      planned.actions.map((a: { id: number }) => a.id).sort((x: number, y: number) => x - y),
    );
  });

  it("exits 1 for --days without --dry-run and for an unknown company, naming the flag", async () => {
    const days = await runCli(["run", "--days", "3", "--date", "2026-03-03", "--data-dir", dataDir]);
    expect(days.code).toBe(1);
    expect(days.stderr).toContain("--days=3: needs --dry-run");
    const company = await runCli(["run", "--company", "NOPE", "--date", "2026-03-03", "--data-dir", dataDir]);
    expect(company.code).toBe(1);
    expect(company.stderr).toContain("No company NOPE; companies: RUNCLI");
    expect(company.stderr).toContain('--company="NOPE": is not a company of this Encours');
  });
});

describe("encours scenario", { timeout: CLI_TIMEOUT }, () => {
  it("exports a scenario as JSON and imports it back under another code", async () => {
    const exported = await runCli([
      "scenario",
      "export",
      "standard",
      "--company",
      "RUNCLI",
      "--data-dir",
      dataDir,
    ]);
    expect(exported.code).toBe(0);
    const document = JSON.parse(exported.stdout);
    expect(document).toMatchObject({ format: "encours.scenario", formatVersion: 1, code: "standard" });
    const file = path.join(root, "copy.json");
    writeFileSync(file, JSON.stringify({ ...document, code: "copy", name: "Copy of Standard" }));
    const imported = await runCli([
      "scenario",
      "import",
      file,
      "--company",
      "RUNCLI",
      "--json",
      "--data-dir",
      dataDir,
    ]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ code: "copy", name: "Copy of Standard", version: 1 });
    const steps = await withData(async (db) =>
      db.execute<{ n: number }>(sql`
        select jsonb_array_length(v.definition->'steps')::int as n from dunning_scenario s
        join dunning_scenario_version v on v.id = s.current_version_id where s.code = 'copy'`),
    );
    expect(steps.rows).toEqual([{ n: 6 }]);
  });
});
