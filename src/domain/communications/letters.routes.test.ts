import { sql } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Session, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeCustomer, makeInvoice, makeUser } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import type { App } from "../context";
import type { LetterList, MessageList } from "./communications.schemas";
import { deliverOutbox } from "./deliver-outbox";
import { pdfText } from "./pdf-text.test-support";
import { captureTransport } from "./transport";

/** Letters over HTTP: the day's list, the print batch, one letter, a customer's statement, and who may see them. */
let handle: DatabaseHandle;
let app: App;
let manager: Session;
let collector: Session;
let companyId = 0;
let customerId = 0;
const now = new Date("2026-04-15T08:00:00Z");

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildTestApp(handle, { clock: fixedClock(now.toISOString()) });
  const db = handle.db;
  const company = await makeCompany(db, {
    name: "Courriers SA",
    city: "Nantes",
    iban: "FR7630006000011234567890189",
  });
  companyId = company.id;
  for (const [ref, name] of [
    ["B", "Bernard SARL"],
    ["A", "Atelier Dupuis"],
  ] as const) {
    const customer = await makeCustomer(db, company.id, {
      externalRef: ref,
      name,
      addressLine1: "1 rue Haute",
      postalCode: "44000",
      city: "Nantes",
      language: "fr",
    });
    customerId = customer.id;
    await makeInvoice(db, customer, { number: `FA-${ref}`, dueDate: "2026-03-01", amountMinor: 30000 });
    await db.execute(sql`
      insert into outbox (company_id, customer_id, channel, recipient, not_before, payload)
      values (${company.id}, ${customer.id}, 'letter', ${name}, ${now.toISOString()}::timestamptz,
        ${JSON.stringify({ type: "letter", template: "standard.formal-notice" })}::jsonb)`);
  }
  await deliverOutbox(
    { db, clock: fixedClock(now.toISOString()) },
    { now, transport: captureTransport(), flush: true },
  );
  manager = await signIn(app, (await makeUser(db, "credit_manager", "Claire Courrier")).email);
  collector = await signIn(app, (await makeUser(db, "collector", "Nina Ailleurs")).email);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

const get = (session: Session, url: string) =>
  app.inject({ method: "GET", url, headers: { cookie: session.cookie } });

describe("letters API", () => {
  it("lists the day's letters in customer order and what the batch holds", async () => {
    const response = await get(manager, `/api/letters?date=2026-04-15&companyId=${companyId}`);
    expect(response.statusCode).toBe(200);
    const list = response.json<LetterList>();
    expect(list.items.map((l) => [l.customer.name, l.kind, l.isRegistered, l.postalReference])).toEqual([
      ["Atelier Dupuis", "formal_notice", true, null],
      ["Bernard SARL", "formal_notice", true, null],
    ]);
    expect(list).toMatchObject({ toPrint: 2, pagesToPrint: 2 });
    const messages = (await get(manager, "/api/messages")).json<MessageList>();
    expect(messages.items.map((m) => m.letterId).sort()).toEqual(list.items.map((l) => l.id).sort());
    expect((await get(manager, "/api/letters?date=15/04/2026")).statusCode).toBe(400);
  });

  it("downloads the print batch as one PDF, and one letter", async () => {
    const batch = await get(manager, "/api/letters/batch.pdf?date=2026-04-15");
    expect(batch.statusCode).toBe(200);
    expect(batch.headers["content-type"]).toBe("application/pdf");
    expect(batch.headers["content-disposition"]).toBe('attachment; filename="letters-2026-04-15.pdf"');
    expect((await PDFDocument.load(batch.rawPayload)).getPageCount()).toBe(2);
    const text = pdfText(batch.rawPayload);
    expect(text.indexOf("Atelier Dupuis")).toBeLessThan(text.indexOf("Bernard SARL"));
    const none = await get(manager, "/api/letters/batch.pdf?date=2026-04-16");
    expect(none.statusCode).toBe(404);
    const { items } = (await get(manager, "/api/letters?date=2026-04-15")).json<LetterList>();
    const one = await get(manager, `/api/letters/${items[0]?.id}/pdf`);
    expect(one.statusCode).toBe(200);
    expect(pdfText(one.rawPayload)).toContain("MISE EN DEMEURE");
  });

  it("renders a customer's statement on demand; a collector outside the portfolio sees nothing", async () => {
    const statement = await get(manager, `/api/customers/${customerId}/statement.pdf?language=en`);
    expect(statement.statusCode).toBe(200);
    expect(pdfText(statement.rawPayload)).toContain("Statement of account as at 15 April 2026");
    expect((await get(collector, `/api/customers/${customerId}/statement.pdf`)).statusCode).toBe(404);
    expect((await get(collector, "/api/letters?date=2026-04-15")).statusCode).toBe(403);
  });
});
