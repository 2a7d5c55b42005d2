import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoiceOf, makeDebtor, makeDunningCompany, runOn } from "../../test/golden/dunning/dunning-world";
import { CLI_TIMEOUT, cliEnv, runCli } from "../../test/helpers/cli";
import { openDatabase } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { claimDueMessages } from "../domain/communications/outbox.repo";

/**
 * `encours messages` on an embedded data directory where a worker claimed the one planned reminder two hours
 * ago and died before recording it.
 */
const root = mkdtempSync(path.join(tmpdir(), "encours-messages-"));
const dataDir = path.join(root, "data");
let outboxId = 0;

beforeAll(async () => {
  const handle = await openDatabase({ dataDir });
  try {
    await applyMigrations(handle.db);
    const company = await makeDunningCompany(handle.db, "MSGCLI");
    await invoiceOf(handle.db, await makeDebtor(handle.db, company.id, "A"), "A-1", "2026-03-02", 120000);
    await runOn(handle.db, company.id, "2026-03-09");
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    const [claimed] = await handle.db.transaction((tx) =>
      claimDueMessages(tx, { now: twoHoursAgo, limit: 10, flush: true }),
    );
    outboxId = claimed!.id;
  } finally {
    await handle.close();
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const env = () => {
  const e = cliEnv({});
  delete e.SMTP_URL;
  return e;
};

describe("encours messages", { timeout: CLI_TIMEOUT }, () => {
  it("lists the interrupted delivery, which encours send leaves alone and reports", async () => {
    const listed = await runCli(["messages", "interrupted", "--json", "--data-dir", dataDir], env());
    expect(listed.stderr).toBe("");
    expect(JSON.parse(listed.stdout)).toEqual({
      interrupted: 1,
      messages: [expect.objectContaining({ id: outboxId, channel: "email", status: "sending" })],
    });
    const sent = await runCli(["send", "--data-dir", dataDir], env());
    expect(sent.stdout).toContain("Sent 0, failed 0, still pending 0");
    expect(sent.stdout).toContain("1 interrupted delivery waits to be settled: encours messages interrupted");
  });

  it("refuses an unknown outcome, naming the flag", async () => {
    const result = await runCli(
      ["messages", "settle", String(outboxId), "--outcome", "resend", "--data-dir", dataDir],
      env(),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--outcome");
  });

  it("records it as sent, then refuses to settle it again", async () => {
    const settled = await runCli(
      [
        "messages",
        "settle",
        String(outboxId),
        "--outcome",
        "sent",
        "--note",
        "in the SMTP log",
        "--json",
        "--data-dir",
        dataDir,
      ],
      env(),
    );
    expect(settled.stderr).toBe("");
    expect(JSON.parse(settled.stdout)).toMatchObject({ id: outboxId, status: "sent" });
    const again = await runCli(
      ["messages", "settle", String(outboxId), "--outcome", "requeue", "--data-dir", dataDir],
      env(),
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      `Message ${outboxId} is sent: only an interrupted delivery is settled by hand`,
    );
    const listed = await runCli(["messages", "interrupted", "--data-dir", dataDir], env());
    expect(listed.stdout.trim()).toBe("No interrupted delivery");
  });
});
