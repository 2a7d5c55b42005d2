import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoiceOf, makeDebtor, makeDunningCompany, runOn } from "../../test/golden/dunning/dunning-world";
import { CLI_TIMEOUT, cliEnv, runCli } from "../../test/helpers/cli";
import { openDatabase } from "../db/client";
import { applyMigrations } from "../db/migrate";

/** `encours send` on an embedded data directory with one planned reminder (D+7 on 2026-03-09). */
const root = mkdtempSync(path.join(tmpdir(), "encours-send-"));
const dataDir = path.join(root, "data");

beforeAll(async () => {
  const handle = await openDatabase({ dataDir });
  try {
    await applyMigrations(handle.db);
    const company = await makeDunningCompany(handle.db, "SENDCLI");
    await invoiceOf(handle.db, await makeDebtor(handle.db, company.id, "A"), "A-1", "2026-03-02", 120000);
    await runOn(handle.db, company.id, "2026-03-09");
  } finally {
    await handle.close();
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("encours send", { timeout: CLI_TIMEOUT }, () => {
  it("flushes the outbox through the capture transport and prints the contract's JSON", async () => {
    const env = cliEnv({ SMTP_URL: "" });
    delete env.SMTP_URL;
    const first = await runCli(["send", "--json", "--data-dir", dataDir], env);
    expect(first.stderr).toBe("");
    expect(JSON.parse(first.stdout)).toEqual({ sent: 1, failed: 0, pending: 0, interrupted: 0 });
    const again = await runCli(["send", "--data-dir", dataDir], env);
    expect(again.stdout).toMatch(/Sent 0, failed 0, still pending 0 \(capture/);
    const handle = await openDatabase({ dataDir });
    try {
      const rows = await handle.db.execute<{ status: string; provider: string }>(
        sql`select status, provider_message_id as provider from outbox`,
      );
      expect(rows.rows).toEqual([{ status: "sent", provider: expect.stringMatching(/^capture:\d+$/) }]);
    } finally {
      await handle.close();
    }
  });

  it("refuses a malformed SMTP_URL, naming the variable", async () => {
    const result = await runCli(["send", "--data-dir", dataDir], cliEnv({ SMTP_URL: "mail.example.com" }));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/SMTP_URL/);
  });
});
