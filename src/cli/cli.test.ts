import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI_TIMEOUT, cliEnv, runCli, startServer, stopServer } from "../../test/helpers/cli";

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "encours-cli-"));
  dirs.push(dir);
  return path.join(dir, "data");
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("encours CLI", { timeout: CLI_TIMEOUT }, () => {
  it("prints help with the contract's commands", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    for (const command of ["serve", "migrate", "demo", "company"]) expect(result.stdout).toContain(command);
  });

  it("refuses an unknown command with exit code 1", async () => {
    const result = await runCli(["frobnicate"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it("creates and migrates a new data directory, then finds it up to date", async () => {
    const dataDir = freshDir();
    const first = await runCli(["migrate", "--json", "--data-dir", dataDir]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ database: dataDir });
    expect(JSON.parse(first.stdout).applied).toBeGreaterThan(0);
    const second = await runCli(["migrate", "--data-dir", dataDir]);
    expect(second.stdout).toContain("is up to date");
  });

  it("adds a company, and refuses a bad one naming the flag and value without writing anything", async () => {
    const dataDir = freshDir();
    const bad = await runCli([
      "company",
      "add",
      "--code",
      "FR01",
      "--name",
      "Dupont SAS",
      "--country",
      "FR",
      "--currency",
      "EUR",
      "--iban",
      "FR7630006000011234567890188",
      "--data-dir",
      dataDir,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('iban="FR7630006000011234567890188": is not a valid IBAN');
    const badCurrency = await runCli([
      "company",
      "add",
      "--code",
      "X",
      "--name",
      "X",
      "--country",
      "FR",
      "--currency",
      "EURO",
      "--data-dir",
      dataDir,
    ]);
    expect(badCurrency.code).toBe(1);
    expect(badCurrency.stderr).toContain('--currency="EURO"');
    const good = await runCli([
      "company",
      "add",
      "--json",
      "--code",
      "FR01",
      "--name",
      "Dupont SAS",
      "--country",
      "fr",
      "--currency",
      "eur",
      "--iban",
      "FR76 3000 6000 0112 3456 7890 189",
      "--bic",
      "AGRIFRPP",
      "--email",
      "recouvrement@dupont.fr",
      "--data-dir",
      dataDir,
    ]);
    expect(good.code).toBe(0);
    const created = JSON.parse(good.stdout);
    expect(created).toMatchObject({
      id: 1,
      code: "FR01",
      country: "FR",
      currency: "EUR",
      timeZone: "Europe/Paris",
      iban: "FR7630006000011234567890189",
      collectionEmail: "recouvrement@dupont.fr",
    });
    const again = await runCli([
      "company",
      "add",
      "--code",
      "FR01",
      "--name",
      "Other",
      "--country",
      "FR",
      "--currency",
      "EUR",
      "--data-dir",
      dataDir,
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("A company with the code FR01 already exists");
  });

  it("lets one process own an embedded data directory and tells the second which one and who holds it", async () => {
    const dataDir = freshDir();
    const { child } = await startServer(
      ["--port", "0", "--data-dir", dataDir],
      cliEnv({ HOST: "127.0.0.1" }),
    );
    try {
      const second = await runCli(["migrate", "--data-dir", dataDir]);
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(
        `The data directory ${dataDir} is already in use by another Encours process (pid ${child.pid})`,
      );
    } finally {
      await stopServer(child);
    }
    const afterStop = await runCli(["migrate", "--data-dir", dataDir]);
    expect(afterStop.code).toBe(0);
  });

  it("computes a due date from payment terms, and names what it cannot read", async () => {
    const a = await runCli([
      "due-date",
      "--invoice-date",
      "2025-01-20",
      "--terms",
      "45 jours fin de mois",
      "--json",
    ]);
    expect(JSON.parse(a.stdout)).toEqual({ dueDate: "2025-03-31" });
    const b = await runCli([
      "due-date",
      "--invoice-date",
      "2025-01-20",
      "--terms",
      "45 jours fin de mois",
      "--reading",
      "B",
    ]);
    expect(b.stdout.trim()).toContain("2025-03-17");
    const bad = await runCli(["due-date", "--invoice-date", "2025-02-30", "--terms", "net 30"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("2025-02-30");
  });

  it("imports a CSV with the contract's JSON keys, and exits 1 naming each error of a refused file", async () => {
    const dataDir = freshDir();
    const dir = path.dirname(dataDir);
    writeFileSync(path.join(dir, "clients.csv"), "external_ref;name\nC1;Alpha SARL\n");
    writeFileSync(
      path.join(dir, "factures.csv"),
      "customer_ref;number;issue_date;due_date;amount\nC1;FA-1;05/01/2026;04/02/2026;1 200,50\nC2;FA-2;2026-01-05;2026-02-04;10\n",
    );
    await runCli([
      "company",
      "add",
      "--code",
      "FR",
      "--name",
      "Test",
      "--country",
      "FR",
      "--currency",
      "EUR",
      "--data-dir",
      dataDir,
    ]);
    const ok = await runCli([
      "import",
      "customers",
      path.join(dir, "clients.csv"),
      "--json",
      "--data-dir",
      dataDir,
    ]);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      batchId: expect.any(Number),
      kind: "customers",
      rows: 1,
      created: 1,
      updated: 0,
      unchanged: 0,
      closed: 0,
      errors: [],
    });
    const refused = await runCli([
      "import",
      "invoices",
      path.join(dir, "factures.csv"),
      "--json",
      "--data-dir",
      dataDir,
    ]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).errors).toEqual([
      {
        line: 3,
        column: "customer_ref",
        value: "C2",
        message: expect.stringContaining("no customer has this reference"),
      },
    ]);
  });
});
