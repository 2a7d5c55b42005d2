import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeKpiWorld } from "../../test/golden/kpis/kpis-world";
import { CLI_TIMEOUT, runCli } from "../../test/helpers/cli";
import { openDatabase } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { pdfText } from "../domain/communications/pdf-text.test-support";

/** `encours export` on an embedded data directory holding the KPI golden dataset (kpis-world.ts). */
const root = mkdtempSync(path.join(tmpdir(), "encours-export-"));
const dataDir = path.join(root, "data");
const cli = (...args: string[]) => runCli([...args, "--data-dir", dataDir]);

beforeAll(async () => {
  const handle = await openDatabase({ dataDir });
  try {
    await applyMigrations(handle.db);
    const world = await makeKpiWorld(handle.db);
    await handle.db.execute(
      sql`update customer set name = '=cmd|"/c calc"!A1' where id = ${world.customers.b.id}`,
    );
  } finally {
    await handle.close();
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("encours export", { timeout: CLI_TIMEOUT }, () => {
  it("prints invoices as JSON with the native columns, open_amount and status", async () => {
    const result = await cli("export", "invoices", "--company", "GK", "--format", "json");
    expect([result.code, result.stderr]).toEqual([0, ""]);
    const invoices = JSON.parse(result.stdout);
    expect(invoices).toHaveLength(12);
    expect(Object.keys(invoices[0])).toEqual([
      "customer_ref",
      "number",
      "type",
      "issue_date",
      "due_date",
      "amount",
      "open_amount",
      "currency",
      "po_number",
      "external_ref",
      "status",
    ]);
    const cn = invoices.find((i: { type: string }) => i.type === "credit_note");
    expect(cn).toMatchObject({ amount: "-300.00", open_amount: "-300.00", status: "open" });
  });

  it("gives each customer's balance: open items net of credit notes and unapplied cash", async () => {
    const customers = JSON.parse((await cli("export", "customers", "--json")).stdout);
    const balances = customers.map((c: { segment: string; balance: string; status: string }) => [
      c.segment,
      c.balance,
      c.status,
    ]);
    // A: I2 2,000 + I3 1,000 + I5 1,200 + I9 600; B: I6 3,000 + I8 1,800 − CN1 300 + I11 400 − 400 unapplied
    expect(balances.sort()).toEqual([
      ["key", "4500.00", "normal"],
      ["smes", "4800.00", "normal"],
    ]);
  });

  it("neutralises formula-looking text in CSV and keeps amounts exact", async () => {
    const result = await cli("export", "customers", "--format", "csv");
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\r\n");
    expect(lines[0]?.startsWith("external_ref,name,company,segment")).toBe(true);
    expect(result.stdout).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(result.stdout).toMatch(/,4500\.00\r\n|,4500\.00$/m);
  });

  it("writes XLSX into a file, numbers as numbers", async () => {
    const file = path.join(root, "payments.xlsx");
    const result = await cli("export", "payments", "--format", "xlsx", "--output", file);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toContain("status");
    expect(sheet.rowCount).toBe(7);
    const amounts = Array.from({ length: 6 }, (_, i) => sheet.getRow(i + 2).getCell(3).value);
    expect(amounts).toContain(1000);
  });

  it("exports tasks with the contract's keys", async () => {
    const tasks = JSON.parse((await cli("export", "tasks", "--json")).stdout);
    expect(tasks).toHaveLength(2);
    for (const key of ["type", "customer_ref", "scenario", "step", "recipient", "due_date", "status"]) {
      expect(Object.keys(tasks[0])).toContain(key);
    }
  });

  it("names a bad entity", async () => {
    const bad = await cli("export", "widgets", "--json");
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).error.issues[0]).toMatchObject({ field: "entity", value: "widgets" });
  });
});

describe("encours export kpi-report", { timeout: CLI_TIMEOUT }, () => {
  it("writes the month's PDF report from the snapshots, and says how to take a missing one", async () => {
    const file = path.join(root, "report.pdf");
    const args = ["export", "kpi-report", "--month", "2026-03", "--company", "GK", "--lang", "en"];
    const missing = await cli(...args, "--output", file);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("encours kpi --date 2026-03-31 --company GK");
    expect(existsSync(file)).toBe(false);
    expect((await cli("kpi", "--date", "2026-03-31", "--company", "GK", "--json")).code).toBe(0);
    const result = await cli(...args, "--output", file);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    const lines = pdfText(readFileSync(file)).split("\n");
    expect(lines[0]).toBe("Monthly KPI report · March 2026");
    expect(lines).toContain("Collection effectiveness (CEI) 45.31% — — — —");
    // three runs of the CLI, each opening the embedded database
  });

  it("needs a month and a file, and keeps the report's flags to the report", async () => {
    const noFile = await cli("export", "kpi-report", "--month", "2026-03");
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toContain("--output");
    const badMonth = await cli("export", "kpi-report", "--month", "March", "--output", "x.pdf");
    expect(badMonth.code).toBe(1);
    expect(badMonth.stderr).toContain("--month");
    const misplaced = await cli("export", "invoices", "--month", "2026-03");
    expect(misplaced.code).toBe(1);
    expect(misplaced.stderr).toContain("--month is for kpi-report only");
  });
});
