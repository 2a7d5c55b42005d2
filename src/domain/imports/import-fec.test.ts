import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../users/users.types";
import { importFile } from "./import-file";

const SAMPLE = fileURLToPath(
  new URL("../../../test/fixtures/fec/neolegal-fec-reader/0000000001FEC20220831.txt", import.meta.url),
);

let handle: DatabaseHandle;
let ctx: AppContext;

const importFec = () => {
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  return importFile(ctx, SYSTEM_ACTOR, {
    kind: "fec",
    company: { code: "FR" },
    fileName: "0000000001FEC20220831.txt",
    open: () => (async function* () {})(),
    readAll: async () => bytes,
    snapshot: false,
    dryRun: false,
  });
};

const value = async (query: ReturnType<typeof sql>) =>
  (await handle.db.execute<{ v: number }>(query)).rows[0]?.v;

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = { db: handle.db, clock: fixedClock("2026-03-31") };
  await makeCompany(handle.db, { code: "FR" });
});
afterAll(async () => handle?.close());

describe("FEC import into the ledger", () => {
  it("brings customers, open items, payments, lettering and suppliers, and balances to the 411 accounts", async () => {
    const report = await importFec();
    expect(report.status).toBe("succeeded");
    expect(report.details).toMatchObject({
      customers: { created: 17 },
      invoices: { created: 407 },
      payments: { created: 131 },
      allocations: { created: 371 },
      suppliers: { created: 67 },
      payables: { created: 22 },
    });
    // Open items minus unapplied cash = the balance of the 411 accounts in the file (52,517.24).
    const open = await value(
      sql`select sum(open_amount_minor)::bigint as v from invoice where status = 'open'`,
    );
    const unapplied = await value(sql`select sum(unapplied_minor)::bigint as v from payment`);
    expect((open ?? 0) - (unapplied ?? 0)).toBe(5251724);
    // Allocations never exceed what they settle.
    expect(
      await value(
        sql`select count(*)::int as v from payment p where p.unapplied_minor < 0 and p.amount_minor > 0`,
      ),
    ).toBe(0);
  });

  it("changes nothing when the same FEC comes again", async () => {
    const again = await importFec();
    expect(again.status).toBe("duplicate");
    expect(await value(sql`select count(*)::int as v from payment_allocation`)).toBe(371);
  });
});
