import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeCustomer } from "../../../test/helpers/factories";
import { importCsv } from "../../../test/helpers/imports";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import type { AppContext } from "../context";
import { ImportParseError } from "./imports.types";

// On PostgreSQL invoices are staged by COPY into a temporary table; on PGlite in `import_row`.
// These cases hold on both.
let handle: DatabaseHandle;
let ctx: AppContext;

const one = async <T>(query: ReturnType<typeof sql>) =>
  (await handle.db.execute<T & Record<string, unknown>>(query)).rows;

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = { db: handle.db, clock: fixedClock("2026-03-31") };
  const company = await makeCompany(handle.db, { code: "FR" });
  await makeCustomer(handle.db, company.id, { externalRef: "C1" });
});
afterAll(async () => handle?.close());

describe("staged invoices", () => {
  it("keep backslashes, tabs, line breaks and the text \\N exactly", async () => {
    const file =
      "customer_ref;number;issue_date;due_date;amount;po_number;site\n" +
      'C1;FA-1;2026-01-05;2026-02-04;10,00;\\N;"a\tb\nc\\d"\n' +
      "C1;FA-2;2026-01-05;2026-02-04;10,00;PO\\2;\n";
    const report = await importCsv(ctx, "invoices", file);
    expect(report).toMatchObject({ status: "succeeded", created: 2 });
    const rows = await one<{ number: string; po_number: string; custom_fields: Record<string, string> }>(
      sql`select number, po_number, custom_fields from invoice order by number`,
    );
    expect(rows).toEqual([
      { number: "FA-1", po_number: "\\N", custom_fields: { site: "a\tb\nc\\d" } },
      { number: "FA-2", po_number: "PO\\2", custom_fields: {} },
    ]);
  });

  it("write nothing on a dry run, and count what would change", async () => {
    const file =
      "customer_ref;number;issue_date;due_date;amount;po_number\n" +
      "C1;FA-1;2026-01-05;2026-02-04;10,00;\\N\n" +
      "C1;FA-3;2026-01-05;2026-02-04;30,00;\n";
    const report = await importCsv(ctx, "invoices", file, { dryRun: true });
    expect(report).toMatchObject({ status: "dry_run", created: 1, updated: 0, unchanged: 1 });
    expect(await one(sql`select 1 from invoice where number = 'FA-3'`)).toEqual([]);
  });

  it("leave nothing behind when a file breaks halfway, and the next import works", async () => {
    const broken = `customer_ref;number;issue_date;due_date;amount\n${"C1;FA-9;2026-01-05;2026-02-04;9,00\n".repeat(3)}C1;FA-10;2026-01-05\n`;
    // More broken files than the test pool has connections: none may be kept busy.
    for (let i = 0; i < 6; i++) {
      await expect(importCsv(ctx, "invoices", broken)).rejects.toBeInstanceOf(ImportParseError);
    }
    expect(await one(sql`select 1 from invoice where number in ('FA-9', 'FA-10')`)).toEqual([]);
    const good = "customer_ref;number;issue_date;due_date;amount\nC1;FA-11;2026-01-05;2026-02-04;11,00\n";
    expect(await importCsv(ctx, "invoices", good)).toMatchObject({ status: "succeeded", created: 1 });
  });
});
