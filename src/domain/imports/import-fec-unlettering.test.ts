import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entry, type FecRow, fecText, utf8 } from "../../../test/fixtures/fec/fec-snippet";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../users/users.types";
import { importFile } from "./import-file";
import type { ImportReport } from "./imports.schemas";

/**
 * The accounting is the authority on its own lettering: when a later FEC no longer letters a payment
 * with an invoice (the accountant undid a wrong match, "délettrage"), the invoice is owed again in
 * Encours and the payment's cash is unapplied; lettering it again later restores the allocation.
 * Matches made in Encours are never touched by an FEC, and neither is what the file does not contain.
 */
let handle: DatabaseHandle;
let ctx: AppContext;

/** Two invoices of C001 (F1 1,200.00, F2 300.00) and one bank payment of 1,200.00, lettered with F1 or not. */
function fec(letter: string, options: { withF2Payment?: boolean } = {}): FecRow[] {
  return [
    ...entry({ journal: "VE", num: "1", date: "20260105", piece: "F1" }, [
      ["411000", "C001", "1200,00", "0,00", letter],
      ["706000", "", "0,00", "1000,00"],
      ["445710", "", "0,00", "200,00"],
    ]),
    ...entry({ journal: "VE", num: "2", date: "20260110", piece: "F2" }, [
      ["411000", "C001", "300,00", "0,00", options.withF2Payment ? "B" : ""],
      ["706000", "", "0,00", "250,00"],
      ["445710", "", "0,00", "50,00"],
    ]),
    ...entry({ journal: "BQ", num: "3", date: "20260205", piece: "VIR", dateLet: "20260206" }, [
      ["411000", "C001", "0,00", "1200,00", letter],
      ["512000", "", "1200,00", "0,00"],
    ]),
    ...(options.withF2Payment
      ? entry({ journal: "BQ", num: "4", date: "20260210", piece: "VIR2" }, [
          ["411000", "C001", "0,00", "300,00", "B"],
          ["512000", "", "300,00", "0,00"],
        ])
      : []),
  ];
}

async function importFec(rows: FecRow[], fileName: string): Promise<ImportReport> {
  const bytes = utf8(fecText(rows));
  return importFile(ctx, SYSTEM_ACTOR, {
    kind: "fec",
    company: { code: "UNL" },
    fileName,
    open: () => (async function* () {})(),
    readAll: async () => bytes,
    snapshot: false,
    dryRun: false,
  });
}

async function ledger() {
  const invoices = await handle.db.execute<{ ref: string; open: number; status: string }>(sql`
    select external_ref as ref, open_amount_minor as open, status from invoice order by external_ref`);
  const payments = await handle.db.execute<{ ref: string; unapplied: number }>(sql`
    select external_ref as ref, unapplied_minor as unapplied from payment order by external_ref`);
  const allocations = await handle.db.execute<{ invoice: string; amount: number; reversed: boolean }>(sql`
    select i.external_ref as invoice, a.amount_minor as amount, a.reversed_at is not null as reversed
    from payment_allocation a join invoice i on i.id = a.invoice_id order by a.id`);
  return {
    invoices: invoices.rows.map((r) => [r.ref, Number(r.open), r.status]),
    payments: payments.rows.map((r) => [r.ref, Number(r.unapplied)]),
    allocations: allocations.rows.map((r) => [r.invoice, Number(r.amount), r.reversed]),
  };
}

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = { db: handle.db, clock: fixedClock("2026-03-02T09:00:00Z") };
  await makeCompany(handle.db, { code: "UNL" });
});
afterAll(async () => handle?.close());

describe("FEC re-import: lettering undone in the accounting", () => {
  it("settles F1 with the lettered payment", async () => {
    const report = await importFec(fec("A"), "FEC-1.txt");
    expect(report.status).toBe("succeeded");
    expect(await ledger()).toEqual({
      invoices: [
        ["VE-1-1", 0, "paid"],
        ["VE-2-1", 30000, "open"],
      ],
      payments: [["BQ-3-1", 0]],
      allocations: [["VE-1-1", 120000, false]],
    });
  });

  it("reopens F1 and unapplies the payment when a later FEC no longer letters them", async () => {
    const report = await importFec(fec(""), "FEC-2.txt");
    expect(report.status).toBe("succeeded");
    expect(report.details.allocations).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await ledger()).toEqual({
      invoices: [
        ["VE-1-1", 120000, "open"],
        ["VE-2-1", 30000, "open"],
      ],
      payments: [["BQ-3-1", 120000]],
      allocations: [["VE-1-1", 120000, true]],
    });
    const timeline = await handle.db.execute<{ type: string; summary: string }>(sql`
      select type, summary from activity where type = 'allocation_reversed' order by id`);
    expect(timeline.rows).toEqual([
      {
        type: "allocation_reversed",
        summary:
          "Lettering of payment BQ-3-1 with invoice VE-1-1 (1200.00 EUR) undone in the accounting (FEC-2.txt)",
      },
    ]);
  });

  it("restores the allocation when the accountant letters them again, and leaves the rest alone", async () => {
    const report = await importFec(fec("C", { withF2Payment: true }), "FEC-3.txt");
    expect(report.status).toBe("succeeded");
    expect(await ledger()).toEqual({
      invoices: [
        ["VE-1-1", 0, "paid"],
        ["VE-2-1", 0, "paid"],
      ],
      payments: [
        ["BQ-3-1", 0],
        ["BQ-4-1", 0],
      ],
      allocations: [
        ["VE-1-1", 120000, false],
        ["VE-2-1", 30000, false],
      ],
    });
  });

  it("keeps the lettering of items the file does not contain", async () => {
    // A later export holding only F2 and its payment says nothing about F1.
    const partial = fec("C", { withF2Payment: true }).filter(
      (r) => r.EcritureNum === "2" || r.EcritureNum === "4",
    );
    const report = await importFec(partial, "FEC-4.txt");
    expect(report.status).toBe("succeeded");
    expect((await ledger()).allocations).toEqual([
      ["VE-1-1", 120000, false],
      ["VE-2-1", 30000, false],
    ]);
  });
});
