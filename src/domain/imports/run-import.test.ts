import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeUser } from "../../../test/helpers/factories";
import { importCsv } from "../../../test/helpers/imports";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import type { AppContext } from "../context";

let handle: DatabaseHandle;
let ctx: AppContext;

const CUSTOMERS = `external_ref;name;segment;country;email;collector_email;strategic;credit_limit
C1;Boulangerie Martin SARL;smes;FR;compta@martin.example;sophie@test.encours.app;non;5 000,00
C2;Transports Dubois;key_accounts;FR;;;oui;100000
`;
const INVOICES = `customer_ref,number,type,issue_date,due_date,amount,open_amount,currency,po_number,external_ref
C1,FA-1,invoice,2026-01-05,2026-02-04,1200.00,1200.00,EUR,PO1,
C1,AV-1,credit_note,2026-01-10,2026-01-10,200.00,200.00,EUR,,
C2,FA-2,invoice,15/01/2026,14/02/2026,"3 000,50",,EUR,,
`;

const one = async <T>(query: ReturnType<typeof sql>) =>
  (await handle.db.execute<T & Record<string, unknown>>(query)).rows;

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = { db: handle.db, clock: fixedClock("2026-03-31") };
  await makeCompany(handle.db, { code: "FR" });
  await handle.db.execute(
    sql`insert into app_user (email, name, role) values ('sophie@test.encours.app', 'Sophie', 'collector')`,
  );
});
afterAll(async () => handle?.close());

describe("native CSV imports", () => {
  it("creates customers and invoices, credit notes negative, and counts an identical re-import as unchanged", async () => {
    const customers = await importCsv(ctx, "customers", CUSTOMERS);
    expect(customers).toMatchObject({ status: "succeeded", rows: 2, created: 2, updated: 0, errors: [] });
    const invoices = await importCsv(ctx, "invoices", INVOICES);
    expect(invoices).toMatchObject({ status: "succeeded", rows: 3, created: 3 });
    const rows = await one<{ number: string; amount_minor: number; open_amount_minor: number; type: string }>(
      sql`select number, amount_minor, open_amount_minor, type from invoice order by number`,
    );
    expect(rows).toEqual([
      { number: "AV-1", amount_minor: -20000, open_amount_minor: -20000, type: "credit_note" },
      { number: "FA-1", amount_minor: 120000, open_amount_minor: 120000, type: "invoice" },
      { number: "FA-2", amount_minor: 300050, open_amount_minor: 300050, type: "invoice" },
    ]);
    const again = await importCsv(ctx, "invoices", INVOICES);
    expect(again).toMatchObject({ status: "duplicate", created: 0, updated: 0, unchanged: 3 });
    const customer = await one<{ collector: string; credit_limit_minor: number; is_strategic: boolean }>(
      sql`select u.name as collector, c.credit_limit_minor, c.is_strategic from customer c join app_user u on u.id = c.collector_id where c.external_ref = 'C1'`,
    );
    expect(customer).toEqual([{ collector: "Sophie", credit_limit_minor: 500000, is_strategic: false }]);
  });

  it("updates only what changed and does not rewrite unchanged rows", async () => {
    const before = await one<{ number: string; updated_at: Date }>(
      sql`select number, updated_at from invoice where number = 'FA-2'`,
    );
    const changed = INVOICES.replace(
      "C1,FA-1,invoice,2026-01-05,2026-02-04,1200.00,1200.00",
      "C1,FA-1,invoice,2026-01-05,2026-02-04,1200.00,700.00",
    );
    const report = await importCsv(ctx, "invoices", changed);
    expect(report).toMatchObject({ status: "succeeded", created: 0, updated: 1, unchanged: 2 });
    const after = await one<{ updated_at: Date }>(sql`select updated_at from invoice where number = 'FA-2'`);
    expect(after[0]?.updated_at).toEqual(before[0]?.updated_at);
  });

  it("writes nothing when one row is wrong, and names every error", async () => {
    const bad = `customer_ref,number,issue_date,due_date,amount
C1,FA-9,2026-13-01,2026-02-04,12x
C1,FA-10,2026-01-01,2025-12-01,10
C1,FA-11,2026-01-01,2026-01-31,10
`;
    const report = await importCsv(ctx, "invoices", bad);
    expect(report.status).toBe("failed");
    expect(report.errors).toEqual([
      {
        line: 2,
        column: "issue_date",
        value: "2026-13-01",
        message: "is not a date (YYYY-MM-DD or DD/MM/YYYY)",
      },
      {
        line: 2,
        column: "amount",
        value: "12x",
        message: "is not an amount in EUR (e.g. 1234.56 or 1 234,56)",
      },
      { line: 3, column: "due_date", value: "2025-12-01", message: "is before the issue date 2026-01-01" },
    ]);
    expect(await one(sql`select 1 from invoice where number = 'FA-11'`)).toEqual([]);
    expect(await one(sql`select 1 from import_row`)).toEqual([]);
  });

  it("rejects the whole file when a reference is unknown, customers of the same file included", async () => {
    const customers = "external_ref,name\nC9,Nouveau client\n";
    expect((await importCsv(ctx, "customers", customers, { dryRun: true })).status).toBe("dry_run");
    const report = await importCsv(
      ctx,
      "invoices",
      "customer_ref,number,issue_date,due_date,amount\nC404,FA-404,2026-01-01,2026-01-31,10\n",
    );
    expect(report.errors).toEqual([
      {
        line: 2,
        column: "customer_ref",
        value: "C404",
        message: expect.stringContaining("no customer has this reference"),
      },
    ]);
    expect(await one(sql`select 1 from customer where external_ref = 'C9'`)).toEqual([]);
  });

  it("reports a missing column and an empty file", async () => {
    const missing = await importCsv(ctx, "invoices", "customer_ref,number,amount\nC1,FA-1,10\n");
    expect(missing.errors.filter((e) => e.line === 1).map((e) => e.column)).toEqual([
      "issue_date",
      "due_date",
    ]);
    expect((await importCsv(ctx, "invoices", "")).errors[0]?.message).toBe("the file is empty");
  });

  it("reads Windows-1252, semicolons, decimal commas, French dates and CR line ends", async () => {
    const text = "external_ref;name;city\rC3;Société Générale d’Équipement;Évry €\r";
    const bytes = Uint8Array.from(
      [...text].map((c) => ({ é: 0xe9, É: 0xc9, "’": 0x92, "€": 0x80 })[c] ?? c.charCodeAt(0)),
    );
    const report = await importCsv(ctx, "customers", bytes);
    expect(report.status).toBe("succeeded");
    const rows = await one<{ name: string; custom_fields: Record<string, string> }>(
      sql`select name, custom_fields from customer where external_ref = 'C3'`,
    );
    expect(rows).toEqual([{ name: "Société Générale d’Équipement", custom_fields: { city: "Évry €" } }]);
  });

  it("closes open items absent from a complete snapshot, never deletes them, and reopens them when they return", async () => {
    const snapshot =
      "customer_ref,number,issue_date,due_date,amount,open_amount\nC2,FA-2,2026-01-15,2026-02-14,3000.50,3000.50\n";
    const dry = await importCsv(ctx, "invoices", snapshot, { snapshot: true, dryRun: true });
    expect(dry).toMatchObject({ status: "dry_run", closed: 2 });
    expect(await one(sql`select 1 from invoice where status = 'closed'`)).toEqual([]);
    const report = await importCsv(ctx, "invoices", snapshot, { snapshot: true });
    expect(report).toMatchObject({ status: "succeeded", closed: 2 });
    const closed = await one<{ number: string; closed_reason: string }>(
      sql`select number, closed_reason from invoice where status = 'closed' order by number`,
    );
    expect(closed).toEqual([
      { number: "AV-1", closed_reason: "absent_from_snapshot" },
      { number: "FA-1", closed_reason: "absent_from_snapshot" },
    ]);
    const timeline = await one<{ summary: string; data: Record<string, unknown> }>(
      sql`select summary, data from activity where type = 'invoice_closed' order by summary`,
    );
    expect(timeline[1]?.summary).toBe("Invoice FA-1 closed: absent from the complete extract invoices.csv");
    expect(timeline[1]?.data).toMatchObject({
      reason: "absent_from_snapshot",
      number: "FA-1",
      fileName: "invoices.csv",
    });
    await importCsv(ctx, "invoices", INVOICES);
    expect(await one(sql`select number from invoice where status = 'closed'`)).toEqual([]);
  });

  it("allocates a payment to the invoice it names, never beyond what is owed", async () => {
    const payments =
      "customer_ref;date;amount;reference;invoice_number;external_ref\nC2;2026-03-01;1000,00;VIR 1;FA-2;P1\nC2;2026-03-02;5000,00;VIR 2;FA-2;P2\n";
    const report = await importCsv(ctx, "payments", payments);
    expect(report).toMatchObject({ status: "succeeded", created: 2 });
    const invoice = await one<{ open_amount_minor: number; status: string }>(
      sql`select open_amount_minor, status from invoice where number = 'FA-2'`,
    );
    expect(invoice).toEqual([{ open_amount_minor: 0, status: "paid" }]);
    const cash = await one<{ external_ref: string; unapplied_minor: number }>(
      sql`select external_ref, unapplied_minor from payment order by external_ref`,
    );
    expect(cash).toEqual([
      { external_ref: "P1", unapplied_minor: 0 },
      { external_ref: "P2", unapplied_minor: 299950 },
    ]);
  });
});

describe("collector work survives every import", () => {
  it("keeps notes, locally edited fields, contacts created in Encours and manual matching", async () => {
    const db = handle.db;
    const [c1] = await one<{ id: number }>(sql`select id from customer where external_ref = 'C1'`);
    const author = await makeUser(db, "collector");
    await db.execute(
      sql`insert into note (customer_id, author_id, body) values (${c1!.id}, ${author.id}, 'Appelé le 12/03, promet un virement')`,
    );
    await db.execute(
      sql`update customer set name = 'Boulangerie Martin (siège)', locally_edited = array['name'] where id = ${c1!.id}`,
    );
    await db.execute(
      sql`insert into contact (customer_id, name, email) values (${c1!.id}, 'Jeanne (ajoutée à la main)', 'jeanne@martin.example')`,
    );
    await importCsv(
      ctx,
      "contacts",
      "customer_ref,name,role,email\nC1,Paul Compta,accounts_payable,paul@martin.example\n",
    );
    await db.execute(
      sql`update contact set phone = '+33 6 00 00 00 00', locally_edited = array['phone'] where email = 'paul@martin.example'`,
    );
    // A manual match of 500.00 on FA-1 (open 700.00 after the earlier update).
    await db.execute(sql`
      with p as (insert into payment (company_id, customer_id, external_ref, payment_date, amount_minor, unapplied_minor, currency, source)
        values (${1}, ${c1!.id}, 'MANUAL-1', '2026-03-20', 50000, 0, 'EUR', 'manual') returning id)
      insert into payment_allocation (payment_id, invoice_id, amount_minor, currency, allocation_date, source)
      select p.id, i.id, 50000, 'EUR', '2026-03-20', 'manual' from p, invoice i where i.number = 'FA-1'`);
    await db.execute(sql`update invoice set open_amount_minor = 20000 where number = 'FA-1'`);

    await importCsv(ctx, "customers", CUSTOMERS.replace("Boulangerie Martin SARL", "BOULANGERIE MARTIN"));
    await importCsv(
      ctx,
      "contacts",
      "customer_ref,name,role,email,phone\nC1,Paul Compta,finance_manager,paul@martin.example,+33 1 11 11 11 11\n",
    );
    await importCsv(ctx, "invoices", INVOICES.replace("1200.00,1200.00", "1200.00,700.00"), {
      snapshot: true,
    });

    expect(await one(sql`select body from note`)).toEqual([{ body: "Appelé le 12/03, promet un virement" }]);
    expect(await one(sql`select name from customer where external_ref = 'C1'`)).toEqual([
      { name: "Boulangerie Martin (siège)" },
    ]);
    const contacts = await one<{ name: string; role: string; phone: string | null }>(
      sql`select name, role, phone from contact where customer_id = ${c1!.id} order by name`,
    );
    expect(contacts).toEqual([
      { name: "Jeanne (ajoutée à la main)", role: "accounts_payable", phone: null },
      { name: "Paul Compta", role: "finance_manager", phone: "+33 6 00 00 00 00" },
    ]);
    // The extract still says 700.00 open; Encours knows 500.00 of it was paid and keeps 200.00.
    expect(await one(sql`select open_amount_minor from invoice where number = 'FA-1'`)).toEqual([
      { open_amount_minor: 20000 },
    ]);
    expect(await one(sql`select count(*)::int as n from payment_allocation where source = 'manual'`)).toEqual(
      [{ n: 1 }],
    );
  });
});

describe("columns a file does not have", () => {
  it("leave the fields they would fill untouched", async () => {
    const report = await importCsv(
      ctx,
      "invoices",
      "customer_ref,number,issue_date,due_date,amount,open_amount\nC1,FA-1,2026-01-05,2026-02-04,1200.00,200.00\n",
    );
    expect(report).toMatchObject({ status: "succeeded", unchanged: 1 });
    expect(await one(sql`select po_number from invoice where number = 'FA-1'`)).toEqual([
      { po_number: "PO1" },
    ]);
    await importCsv(ctx, "customers", "external_ref,name\nC2,Transports Dubois\n");
    expect(await one(sql`select segment, is_strategic from customer where external_ref = 'C2'`)).toEqual([
      { segment: "key_accounts", is_strategic: true },
    ]);
  });
});

describe("an import interrupted by a stopped process", () => {
  it("is marked failed at the next start and its staged rows are dropped", async () => {
    const { insertBatch } = await import("./imports.repo");
    const { stageRecords } = await import("./apply/staging");
    const { failAbandonedImports } = await import("./fail-abandoned-imports");
    const batchId = await insertBatch(handle.db, {
      companyId: 1,
      kind: "invoices",
      fileName: "big.csv",
      fileHash: "",
    });
    await stageRecords(handle.db, batchId, "invoice", [{ line: 2 }]);
    await failAbandonedImports(ctx, true);
    expect(await one(sql`select status, error_count from import_batch where id = ${batchId}`)).toEqual([
      { status: "failed", error_count: 1 },
    ]);
    expect(await one(sql`select 1 from import_row where batch_id = ${batchId}`)).toEqual([]);
  });
});

describe("the timeline of an imported payment", () => {
  it("says the amount in major units, and calls a negative payment a refund", async () => {
    await importCsv(
      ctx,
      "payments",
      "customer_ref;date;amount;reference;external_ref\nC1;2026-03-05;1 234,50;VIR 9;P9\nC1;2026-03-06;-288,02;CHQ 7;P10\n",
    );
    const rows = await one<{ summary: string; amount: string }>(
      sql`select summary, data->>'amount' as amount from activity where type = 'payment' order by id desc limit 2`,
    );
    expect(rows).toEqual([
      { summary: "Refund or returned payment of 288.02 EUR, ref CHQ 7", amount: "-288.02" },
      { summary: "Payment of 1234.50 EUR received, ref VIR 9", amount: "1234.50" },
    ]);
  });
});
