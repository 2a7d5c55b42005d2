import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliEnv, runCli, startServer, stopServer } from "../../test/helpers/cli";

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "encours-cli-"));
  dirs.push(dir);
  return path.join(dir, "data");
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("encours CLI", () => {
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
});
