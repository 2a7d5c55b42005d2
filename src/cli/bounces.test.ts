import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_TIMEOUT, runCli } from "../../test/helpers/cli";
import { makeCompany, makeCustomer } from "../../test/helpers/factories";
import { openDatabase } from "../db/client";
import { applyMigrations } from "../db/migrate";

/** `encours bounces FILE.eml…` on an embedded data directory holding one email sent. */
const root = mkdtempSync(path.join(tmpdir(), "encours-bounces-"));
const dataDir = path.join(root, "data");
let outboxId = 0;

beforeAll(async () => {
  const handle = await openDatabase({ dataDir });
  try {
    await applyMigrations(handle.db);
    const companyId = (await makeCompany(handle.db, { code: "FR" })).id;
    const customer = await makeCustomer(handle.db, companyId, { externalRef: "C1" });
    const row = await handle.db.execute<{ id: number }>(sql`
      insert into outbox (company_id, customer_id, channel, recipient, status, not_before, sent_at, payload)
      values (${companyId}, ${customer.id}, 'email', 'ap@gone.example', 'sent', now(), now(), '{}')
      returning id::float8 as id`);
    outboxId = Number(row.rows[0]?.id);
  } finally {
    await handle.close();
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("encours bounces", { timeout: CLI_TIMEOUT }, () => {
  it("records each bounce email and names the files it could not use", async () => {
    const bounce = path.join(root, "bounce.eml");
    writeFileSync(
      bounce,
      `From: MAILER-DAEMON@mx.example\nSubject: failure notice\n\n550 5.1.1 <ap@gone.example>: no such user\n\nX-Encours-Outbox-Id: ${outboxId}\n`,
    );
    const reply = path.join(root, "reply.eml");
    writeFileSync(reply, "From: ap@client.example\nSubject: Re: relance\n\nPaiement vendredi.\n");
    const result = await runCli(["bounces", bounce, reply, "--json", "--data-dir", dataDir]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      { file: "bounce.eml", outboxId, outcome: "bounced" },
      { file: "reply.eml", outboxId: null, outcome: "unreadable", error: "not a bounce report" },
    ]);
  });
});
