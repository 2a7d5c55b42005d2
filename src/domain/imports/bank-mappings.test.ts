import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Session, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeCustomer, makeInvoice, makeUser } from "../../../test/helpers/factories";
import { multipart } from "../../../test/helpers/multipart";
import type { DatabaseHandle } from "../../db/client";
import type { App } from "../context";
import type { BankImportResult } from "../matching/matching.schemas";
import type { ImportMapping, ImportPreview, ImportReport } from "./imports.schemas";

let handle: DatabaseHandle;
let app: App;
let manager: Session;
let companyId: number;
let mapping: ImportMapping;

const ACCOUNT = "FR7630006000011234567890189";
const HEADER = "Date opération;Date valeur;Libellé;Débit;Crédit\r\n";
const STATEMENT = `${HEADER}02/06/2026;02/06/2026;VIR SEPA ALPHA INDUSTRIES FACT FA-2026-0101;;1 200,00\r\n03/06/2026;03/06/2026;FRAIS TENUE DE COMPTE;25,00;\r\n`;

const bankLines = async () =>
  (
    await handle.db.execute<{ amount: string; currency: string; account: string | null; text: string }>(sql`
      select amount_minor::text as amount, currency, account_iban as account, remittance_text as text
      from bank_line where company_id = ${companyId} order by booking_date, id`)
  ).rows;

async function importFile(content: string, fields: Record<string, string>, url = "/api/imports") {
  const body = multipart({ companyId: String(companyId), ...fields }, [
    { name: "banque.csv", content, type: "text/csv" },
  ]);
  return app.inject({
    method: "POST",
    url,
    headers: { ...body.headers, cookie: manager.cookie, "x-csrf-token": manager.csrfToken },
    payload: body.payload,
  });
}

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildTestApp(handle);
  companyId = (await makeCompany(handle.db, { code: "FR" })).id;
  manager = await signIn(app, (await makeUser(handle.db, "credit_manager")).email);
  const alpha = await makeCustomer(handle.db, companyId, {
    externalRef: "ALPHA",
    name: "Alpha Industries SAS",
  });
  await makeInvoice(handle.db, alpha, {
    number: "FA-2026-0101",
    amountMinor: 120000,
    issueDate: "2026-04-30",
    dueDate: "2026-05-31",
  });
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe("bank statement mappings", () => {
  it("are offered with the bank's columns when previewing a sample", async () => {
    const body = multipart({}, [{ name: "banque.csv", content: STATEMENT, type: "text/csv" }]);
    const response = await app.inject({
      method: "POST",
      url: "/api/imports/preview",
      headers: { ...body.headers, cookie: manager.cookie, "x-csrf-token": manager.csrfToken },
      payload: body.payload,
    });
    expect(response.statusCode).toBe(200);
    const preview = response.json<ImportPreview>();
    expect(preview.header).toEqual(["Date opération", "Date valeur", "Libellé", "Débit", "Crédit"]);
    expect(preview.nativeColumns.bank).toEqual({
      columns: expect.arrayContaining(["booking_date", "amount", "debit", "credit", "counterparty_iban"]),
      required: ["booking_date"],
    });
  });

  it("need a booking date and an amount, and take a currency and an account only for bank files", async () => {
    const noAmount = await manager.send("POST", "/api/import-mappings", {
      companyId,
      kind: "bank",
      name: "Banque",
      columns: { booking_date: "Date opération", text: "Libellé" },
    });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json().error.issues).toEqual([
      expect.objectContaining({
        field: "columns.amount",
        message: expect.stringContaining("debit and credit"),
      }),
    ]);
    const badValues = await manager.send("POST", "/api/import-mappings", {
      companyId,
      kind: "bank",
      name: "Banque",
      columns: { booking_date: "Date opération", amount: "Montant" },
      currency: "EURO",
      accountIban: "FR76 0000",
    });
    expect(badValues.statusCode).toBe(400);
    expect(
      badValues
        .json()
        .error.issues.map((i: { field: string }) => i.field)
        .sort(),
    ).toEqual(["accountIban", "currency"]);
    const onInvoices = await manager.send("POST", "/api/import-mappings", {
      companyId,
      kind: "invoices",
      name: "ERP",
      columns: {
        customer_ref: "Client",
        number: "Numéro",
        issue_date: "Date",
        due_date: "Échéance",
        amount: "Montant",
      },
      currency: "EUR",
    });
    expect(onInvoices.statusCode).toBe(400);
    expect(onInvoices.json().error.issues).toEqual([
      { field: "currency", value: "EUR", message: "applies to bank statement mappings only" },
    ]);
  });

  it("import a bank's CSV export: debit and credit columns, French dates, the company's currency", async () => {
    const saved = await manager.send("POST", "/api/import-mappings", {
      companyId,
      kind: "bank",
      name: "Banque populaire",
      columns: {
        booking_date: "Date opération",
        value_date: "Date valeur",
        text: "Libellé",
        debit: "Débit",
        credit: "Crédit",
      },
      dateFormat: "DD/MM/YYYY",
      decimalSeparator: ",",
      accountIban: "fr76 3000 6000 0112 3456 7890 189",
    });
    expect(saved.statusCode).toBe(201);
    mapping = saved.json<ImportMapping>();
    expect(mapping).toMatchObject({ currency: null, accountIban: ACCOUNT });

    const response = await importFile(STATEMENT, { kind: "bank", mappingId: String(mapping.id) });
    expect(response.statusCode).toBe(200);
    const [report] = response.json<{ reports: ImportReport[] }>().reports;
    expect(report).toMatchObject({ kind: "bank", status: "succeeded", format: "csv", rows: 2, created: 2 });
    expect(report?.match).toMatchObject({ lines: 1, matched: 1, unmatched: 0 });
    expect(await bankLines()).toEqual([
      {
        amount: "120000",
        currency: "EUR",
        account: ACCOUNT,
        text: "VIR SEPA ALPHA INDUSTRIES FACT FA-2026-0101",
      },
      { amount: "-2500", currency: "EUR", account: ACCOUNT, text: "FRAIS TENUE DE COMPTE" },
    ]);
    const invoice = await handle.db.execute<{ status: string }>(
      sql`select status from invoice where number = 'FA-2026-0101'`,
    );
    expect(invoice.rows[0]?.status).toBe("paid");
  });

  it("add nothing when the same export comes again, from the matching page by the mapping's name", async () => {
    const response = await importFile(STATEMENT, { mapping: mapping.name }, "/api/bank-statements");
    expect(response.statusCode).toBe(200);
    expect(response.json<BankImportResult>()).toMatchObject({
      rows: 2,
      created: 0,
      unchanged: 2,
      errors: [],
    });
    expect(await bankLines()).toHaveLength(2);
  });

  it("refuse a whole file naming the line, the column and the value, writing nothing", async () => {
    const broken = `${HEADER}04/06/2026;04/06/2026;VIR BETA;;99,90\r\n05/06/2026;05/06/2026;VIR GAMMA;;douze\r\n`;
    const response = await importFile(broken, { kind: "bank", mappingId: String(mapping.id) });
    const [report] = response.json<{ reports: ImportReport[] }>().reports;
    expect(report?.status).toBe("failed");
    expect(report?.errors).toEqual([
      { line: 3, column: "Crédit", value: "douze", message: expect.stringContaining("not a decimal amount") },
    ]);
    expect(await bankLines()).toHaveLength(2);
  });

  it("tell a CSV sent without a mapping, or with another kind's, to choose a bank mapping", async () => {
    const without = await importFile(STATEMENT, { kind: "bank" });
    expect(without.json<{ reports: ImportReport[] }>().reports[0]?.errors).toEqual([
      { line: 0, column: "mapping", message: expect.stringContaining("needs a column mapping") },
    ]);
    const unknown = await importFile(STATEMENT, { mapping: "Crédit agricole" }, "/api/bank-statements");
    expect(unknown.json<BankImportResult>().errors).toEqual([
      {
        line: 0,
        column: "mapping",
        value: "Crédit agricole",
        message: "is not a saved bank mapping (saved: Banque populaire)",
      },
    ]);
  });
});
