import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_TIMEOUT, cliEnv, runCli } from "../../test/helpers/cli";
import { makeCompany, makeCustomer, makeInvoice } from "../../test/helpers/factories";
import { openDatabase } from "../db/client";
import { applyMigrations } from "../db/migrate";

/** `encours send` produces a formal notice; `encours letters --date --out` writes the day's print batch. */
const root = mkdtempSync(path.join(tmpdir(), "encours-letters-"));
const dataDir = path.join(root, "data");

beforeAll(async () => {
  const handle = await openDatabase({ dataDir });
  try {
    await applyMigrations(handle.db);
    const company = await makeCompany(handle.db, { code: "LETCLI", name: "Lettres SA", city: "Lille" });
    const customer = await makeCustomer(handle.db, company.id, {
      name: "Debiteur SARL",
      addressLine1: "2 place Rihour",
      postalCode: "59000",
      city: "Lille",
    });
    await makeInvoice(handle.db, customer, { number: "FA-1", dueDate: "2026-01-10", amountMinor: 99000 });
    await handle.db.execute(sql`
      insert into outbox (company_id, customer_id, channel, recipient, not_before, payload)
      values (${company.id}, ${customer.id}, 'letter', 'Debiteur SARL', now() - interval '1 hour',
        ${JSON.stringify({ type: "letter", template: "standard.formal-notice" })}::jsonb)`);
  } finally {
    await handle.close();
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("encours letters", { timeout: CLI_TIMEOUT }, () => {
  it("lists the day's letters and writes the print batch", async () => {
    const env = cliEnv({});
    delete env.SMTP_URL;
    const sent = await runCli(["send", "--json", "--data-dir", dataDir], env);
    expect(JSON.parse(sent.stdout)).toEqual({ sent: 1, failed: 0, pending: 0, interrupted: 0 });
    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
    const out = path.join(root, "batch.pdf");
    const result = await runCli(
      ["letters", "--date", today, "--out", out, "--json", "--data-dir", dataDir],
      env,
    );
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toMatchObject({
      date: today,
      letters: 1,
      toPrint: 1,
      pages: 1,
      out,
      items: [{ customer: "Debiteur SARL", kind: "formal_notice", registered: true, postalReference: null }],
    });
    expect(readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
    const bad = await runCli(["letters", "--date", "yesterday", "--data-dir", dataDir], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--date");
  });
});
