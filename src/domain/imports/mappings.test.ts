import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Session, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeCustomer, makeUser } from "../../../test/helpers/factories";
import { chunksOf } from "../../../test/helpers/imports";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import type { App, AppContext } from "../context";
import { SYSTEM_ACTOR } from "../users/users.types";
import { runImport } from "./run-import";

let handle: DatabaseHandle;
let ctx: AppContext;
let app: App;
let manager: Session;
let companyId: number;

const FRENCH_CSV =
  "Code client;N° facture;Date facture;Échéance;Montant TTC;Commentaire\nC1;F2026-001;05.01.2026;04.02.2026;1.234,50;relancer\n";

const importWith = (content: string | Uint8Array, mapping: string, fileName = "export.csv") =>
  runImport(ctx, SYSTEM_ACTOR, {
    kind: "invoices",
    company: { id: companyId },
    fileName,
    source: { format: "csv", chunks: chunksOf(content) },
    snapshot: false,
    dryRun: false,
    mapping: { name: mapping },
  });

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = { db: handle.db, clock: fixedClock("2026-03-31") };
  app = await buildTestApp(handle);
  companyId = (await makeCompany(handle.db, { code: "FR" })).id;
  await makeCustomer(handle.db, companyId, { externalRef: "C1" });
  manager = await signIn(app, (await makeUser(handle.db, "credit_manager")).email);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe("saved column mappings", () => {
  it("are checked when saved: native columns only, required ones mapped, names unique", async () => {
    const bad = await manager.send("POST", "/api/import-mappings", {
      companyId,
      kind: "invoices",
      name: "ERP",
      columns: { customer_ref: "Code client", montant: "Montant TTC" },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual([
      "columns.montant",
      "columns.number",
      "columns.issue_date",
      "columns.due_date",
      "columns.amount",
    ]);
    const body = {
      companyId,
      kind: "invoices",
      name: "Export Sage",
      columns: {
        customer_ref: "Code client",
        number: "N° facture",
        issue_date: "Date facture",
        due_date: "Échéance",
        amount: "Montant TTC",
      },
      dateFormat: "DD.MM.YYYY",
      decimalSeparator: ",",
    };
    expect((await manager.send("POST", "/api/import-mappings", body)).statusCode).toBe(201);
    const twice = await manager.send("POST", "/api/import-mappings", { ...body, name: "export sage" });
    expect(twice.statusCode).toBe(409);
    const list = (await manager.get(`/api/import-mappings?companyId=${companyId}&kind=invoices`)).json();
    expect(list.items.map((m: { name: string }) => m.name)).toEqual(["Export Sage"]);
  });

  it("read a file with the user's own headers, date and number formats", async () => {
    const report = await importWith(FRENCH_CSV, "Export Sage");
    expect(report).toMatchObject({ status: "succeeded", created: 1 });
    const rows = await handle.db.execute<Record<string, unknown>>(
      sql`select number, issue_date, due_date, amount_minor, custom_fields from invoice`,
    );
    expect(rows.rows).toEqual([
      {
        number: "F2026-001",
        issue_date: "2026-01-05",
        due_date: "2026-02-04",
        amount_minor: 123450,
        custom_fields: { commentaire: "relancer" },
      },
    ]);
  });

  it("name a mapped column missing from the file, and refuse an unknown mapping", async () => {
    const report = await importWith("Code client;Numéro\nC1;F1\n", "Export Sage");
    expect(report.status).toBe("failed");
    expect(report.errors).toContainEqual(
      expect.objectContaining({
        line: 1,
        column: "N° facture",
        message: expect.stringContaining('mapping "Export Sage"'),
      }),
    );
    await expect(importWith(FRENCH_CSV, "Inconnue")).rejects.toThrow('No invoices mapping "Inconnue"');
  });

  it("read XLSX workbooks, dates and numbers as Excel stores them", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Factures");
    sheet.addRow(["Code client", "N° facture", "Date facture", "Échéance", "Montant TTC"]);
    sheet.addRow(["C1", "F2026-002", new Date(Date.UTC(2026, 1, 1)), new Date(Date.UTC(2026, 2, 3)), 980.4]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const report = await importWith(bytes, "Export Sage", "export.xlsx");
    expect(report).toMatchObject({ status: "succeeded", created: 1 });
    const rows = await handle.db.execute<Record<string, unknown>>(
      sql`select issue_date, due_date, amount_minor from invoice where number = 'F2026-002'`,
    );
    expect(rows.rows).toEqual([{ issue_date: "2026-02-01", due_date: "2026-03-03", amount_minor: 98040 }]);

    const boundary = "----preview";
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="export.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(bytes),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const preview = await app.inject({
      method: "POST",
      url: "/api/imports/preview",
      headers: {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        cookie: manager.cookie,
        "x-csrf-token": manager.csrfToken,
      },
      payload,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      format: "xlsx",
      header: ["Code client", "N° facture", "Date facture", "Échéance", "Montant TTC"],
      rows: [["C1", "F2026-002", "2026-02-01", "2026-03-03", "980.4"]],
    });
  });
});
