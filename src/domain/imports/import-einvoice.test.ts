import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeUser } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../users/users.types";
import { importFile } from "./import-file";

const FNFE = fileURLToPath(
  new URL(
    "../../../test/fixtures/einvoice/zugferd-corpus/ZUGFeRDv2/correct/FNFE-factur-x-examples/",
    import.meta.url,
  ),
);

let handle: DatabaseHandle;
let ctx: AppContext;

const importPdf = (file: string, company: string) => {
  const bytes = new Uint8Array(readFileSync(`${FNFE}${file}`));
  return importFile(ctx, SYSTEM_ACTOR, {
    kind: "einvoice",
    company: { code: company },
    fileName: file,
    open: () => (async function* () {})(),
    readAll: async () => bytes,
    snapshot: false,
    dryRun: false,
  });
};

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = { db: handle.db, clock: fixedClock("2026-03-31") };
  await makeCompany(handle.db, { code: "FR" });
  await makeCompany(handle.db, { code: "OTHER", vatId: "FR11999999999", legalId: "999999999" });
});
afterAll(async () => handle?.close());

describe("e-invoice imports", () => {
  it("imports a Factur-X PDF: buyer as customer, the amount due as open amount, the PDF kept", async () => {
    const report = await importPdf("Facture_FR_BASICWL.pdf", "FR");
    expect(report).toMatchObject({ status: "succeeded", errors: [] });
    const rows = await handle.db.execute<Record<string, unknown>>(sql`
      select i.number, i.amount_minor, i.open_amount_minor, i.due_date, i.payment_reference, i.document_url, c.external_ref
      from invoice i join customer c on c.id = i.customer_id`);
    expect(rows.rows).toEqual([
      {
        number: "FA-2017-0010",
        amount_minor: 67115,
        open_amount_minor: 47015,
        due_date: "2017-12-13",
        payment_reference: "FA-2017-0010",
        document_url: expect.stringMatching(/^\/api\/invoices\/\d+\/document$/),
        external_ref: "78787878400035",
      },
    ]);
    const again = await importPdf("Facture_FR_BASICWL.pdf", "FR");
    expect(again.status).toBe("duplicate");

    const app = await buildTestApp(handle);
    const session = await signIn(app, (await makeUser(handle.db, "viewer")).email);
    const url = rows.rows[0]?.document_url as string;
    const document = await session.get(url);
    expect(document.statusCode).toBe(200);
    expect(document.headers["content-type"]).toBe("application/pdf");
    expect(document.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    await app.close();
  });

  it("refuses an invoice whose seller is not the company imported into, and writes nothing", async () => {
    const report = await importPdf("Facture_FR_BASICWL.pdf", "OTHER");
    expect(report.status).toBe("failed");
    expect(report.errors[0]).toMatchObject({
      column: "seller VAT id (BT-31)",
      message: expect.stringContaining("is not Company"),
    });
    const count = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from invoice where company_id = 2`,
    );
    expect(count.rows[0]?.n).toBe(0);
  });
});
