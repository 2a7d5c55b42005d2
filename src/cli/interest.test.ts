import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI_TIMEOUT, runCli } from "../../test/helpers/cli";

const dir = mkdtempSync(path.join(tmpdir(), "encours-interest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("encours interest and encours rates", { timeout: CLI_TIMEOUT }, () => {
  it("computes worked example 6 (DE) with the contract's JSON keys", async () => {
    const result = await runCli([
      "interest",
      "--json",
      "--data-dir",
      path.join(dir, "data"),
      ...["--jurisdiction", "DE", "--amount", "10000.00", "--currency", "EUR"],
      ...["--due", "2025-05-15", "--until", "2025-09-30", "--payment", "2025-09-30:10000.00"],
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json).slice(0, 5)).toEqual([
      "interest",
      "compensation",
      "currency",
      "rateRule",
      "segments",
    ]);
    expect(json).toMatchObject({ interest: "400.89", compensation: "40.00", currency: "EUR" });
    expect(json.segments).toEqual([
      {
        from: "2025-05-16",
        to: "2025-06-30",
        days: 46,
        balance: "10000.00",
        ratePercent: 11.27,
        interest: "142.032877",
      },
      {
        from: "2025-07-01",
        to: "2025-09-30",
        days: 92,
        balance: "10000.00",
        ratePercent: 10.27,
        interest: "258.860274",
      },
    ]);
  });

  it("exits 1 naming the flag and the value, without opening a database", async () => {
    const dataDir = path.join(dir, "never");
    const result = await runCli([
      "interest",
      "--data-dir",
      dataDir,
      ...["--jurisdiction", "FR", "--amount", "100", "--currency", "EUR"],
      ...["--due", "2025-05-15", "--until", "2025-09-30", "--allocation", "oldest-first"],
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--allocation="oldest-first": must be principal-first or interest-first');
    expect(result.stdout).toBe("");
    expect(existsSync(dataDir)).toBe(false);
  });

  it("refuses a bad rate file naming the file, line, column and value", async () => {
    const file = path.join(dir, "rates.csv");
    writeFileSync(
      file,
      "series,effective_from,rate_percent,note\nECB_MRO,2027-01-01,2.00,\nECB_MRO,2027-02-01,two,\n",
    );
    const result = await runCli(["rates", "import", file, "--json", "--data-dir", path.join(dir, "data")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('rates.csv:3 rate_percent="two"');
    expect(JSON.parse(result.stdout).error.issues).toEqual([
      expect.objectContaining({ line: 3, column: "rate_percent", value: "two" }),
    ]);
  });
});
