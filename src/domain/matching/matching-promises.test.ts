import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { camt053 } from "../../../test/helpers/camt";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeCustomer, makeInvoice } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import { promiseInvoice, promiseToPay } from "../../db/schema";
import { fixedClock } from "../../shared/clock";
import { importBankFile } from "../imports/import-bank";
import { SYSTEM_ACTOR } from "../users/users.types";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle?.close());

it("keeps a promise as soon as the bank payment that honours it is matched", async () => {
  const ctx = { db: handle.db, clock: fixedClock("2026-06-12T18:00:00Z") };
  const company = await makeCompany(handle.db, { code: "PR" });
  const buyer = await makeCustomer(handle.db, company.id, { name: "Garnier Plomberie SARL" });
  const invoice = await makeInvoice(handle.db, buyer, {
    number: "FA-2026-0777",
    amountMinor: 250000,
    dueDate: "2026-05-15",
  });
  const [promise] = await handle.db
    .insert(promiseToPay)
    .values({
      companyId: company.id,
      customerId: buyer.id,
      amountMinor: 250000,
      currency: "EUR",
      promisedDate: "2026-06-20",
      createdAt: new Date("2026-06-01T09:00:00Z"),
    })
    .returning();
  await handle.db.insert(promiseInvoice).values({ promiseId: promise?.id ?? 0, invoiceId: invoice.id });
  const file = camt053({
    id: "P-1",
    iban: "FR7630006000011234567890189",
    entries: [
      { amount: "2500.00", date: "2026-06-12", name: "GARNIER PLOMBERIE", text: "FACTURE FA-2026-0777" },
    ],
  });
  const report = await importBankFile(ctx, SYSTEM_ACTOR, {
    company: { id: company.id },
    fileName: "releve.xml",
    readAll: async () => new TextEncoder().encode(file),
    dryRun: false,
  });
  expect(report.match?.matched).toBe(1);
  const after = await handle.db.execute<{ status: string }>(
    sql`select status from promise_to_pay where id = ${promise?.id ?? 0}`,
  );
  expect(after.rows[0]?.status).toBe("kept");
  const timeline = await handle.db.execute<{ type: string; data: Record<string, unknown> }>(
    sql`select type, data from activity where customer_id = ${buyer.id} order by id`,
  );
  expect(timeline.rows.map((r) => r.type)).toEqual(["payment_matched", "promise_kept"]);
  expect(timeline.rows[1]?.data).toEqual({
    promiseId: promise?.id,
    automatic: true,
    status: "kept",
    amount: "2500.00",
    paid: "2500.00",
    currency: "EUR",
    promisedDate: "2026-06-20",
  });
});
