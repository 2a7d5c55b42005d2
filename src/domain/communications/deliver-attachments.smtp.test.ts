import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOn } from "../../../test/golden/dunning/dunning-world";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeContact, makeCustomer, makeInvoice } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import type { AppContext } from "../context";
import { deliverOutbox } from "./deliver-outbox";
import { pdfText } from "./pdf-text.test-support";
import { smtpTransport } from "./smtp-transport";
import type { EmailTransport } from "./transport";

/**
 * Attachments through a real SMTP server on loopback: a reminder carries the document kept with its
 * invoice; a statement carries the account statement as PDF.
 */
type Part = { fileName: string | null; contentType: string; content: Buffer };

/** The leaf parts of a MIME message (nested multiparts opened), base64 bodies decoded. */
function mimeParts(raw: string): Part[] {
  const [head = "", ...rest] = raw.split(/\r\n\r\n/);
  const body = rest.join("\r\n\r\n");
  const headers = head.replace(/\r\n[ \t]+/g, " ");
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
  if (/^content-type:\s*multipart\//im.test(headers) && boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1, -1)
      .flatMap((part) => mimeParts(part.replace(/^\r\n/, "")));
  }
  const contentType = /^content-type:\s*([^;\r\n]+)/im.exec(headers)?.[1]?.trim() ?? "text/plain";
  const fileName = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1] ?? null;
  const isBase64 = /^content-transfer-encoding:\s*base64/im.test(headers);
  return [
    {
      fileName,
      contentType,
      content: isBase64 ? Buffer.from(body.replace(/\s+/g, ""), "base64") : Buffer.from(body),
    },
  ];
}

const isStatement = (raw: string) => raw.includes("statement-FRA-2026-03-09.pdf");

let handle: DatabaseHandle;
let server: SMTPServer;
let transport: EmailTransport;
let ctx: AppContext;
const received: string[] = [];
const now = new Date("2026-03-09T09:00:00Z");

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = { db: handle.db, clock: fixedClock(now.toISOString()) };
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks).toString("utf8"));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  transport = smtpTransport(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`);
  const db = handle.db;
  const company = await makeCompany(db, {
    name: "Fournitures Martin SAS",
    city: "Paris",
    iban: "FR76 3000 6000 0112 3456 7890 189",
    bic: "AGRIFRPP",
    senderEmail: "relances@martin.example",
  });
  const customer = await makeCustomer(db, company.id, {
    externalRef: "FRA",
    name: "Boulangerie Durand",
    addressLine1: "3 avenue des Lilas",
    postalCode: "69003",
    city: "Lyon",
    language: "fr",
  });
  await makeContact(db, customer.id, { name: "Jeanne Durand", email: "compta@fra.example", isPrimary: true });
  const invoice = await makeInvoice(db, customer, {
    number: "FA-100",
    amountMinor: 120000,
    dueDate: "2026-03-02",
  });
  await db.execute(sql`
    insert into invoice_document (invoice_id, file_name, media_type, sha256, content)
    values (${invoice.id}, 'FA-100.pdf', 'application/pdf', 'abc', ${Buffer.from("%PDF-1.7 invoice FA-100")})`);
  await runOn(db, company.id, "2026-03-09");
  await db.execute(sql`
    insert into outbox (company_id, customer_id, channel, recipient, not_before, payload)
    values (${company.id}, ${customer.id}, 'email', 'compta@fra.example', ${now.toISOString()}::timestamptz,
      ${JSON.stringify({ type: "statement", template: "key-accounts.statement" })}::jsonb)`);
});

afterAll(async () => {
  await transport?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await handle?.close();
});

describe("attachments", () => {
  it("attaches the invoice's document to the reminder and the statement PDF to the statement", async () => {
    const result = await deliverOutbox(ctx, { now, transport, flush: true });
    expect(result).toEqual({ sent: 2, failed: 0, pending: 0 });
    expect(received).toHaveLength(2);
    const attachmentsOf = (raw: string) => mimeParts(raw).filter((p) => p.fileName !== null);
    const reminder = received.find((raw) => !isStatement(raw))!;
    const files = attachmentsOf(reminder);
    expect(files.map((a) => [a.fileName, a.contentType])).toEqual([["FA-100.pdf", "application/pdf"]]);
    expect(files[0]?.content.toString()).toBe("%PDF-1.7 invoice FA-100");
    const statement = received.find(isStatement)!;
    const [pdf] = attachmentsOf(statement);
    expect(pdf?.fileName).toBe("statement-FRA-2026-03-09.pdf");
    const text = pdfText(pdf!.content);
    expect(text).toContain("Relevé de compte au 9 mars 2026");
    expect(text).toContain("FA-100");
    const kept = await handle.db.execute<{ attachments: unknown }>(
      sql`select payload->'rendered'->'attachments' as attachments from outbox where payload->>'type' = 'statement'`,
    );
    expect(kept.rows[0]?.attachments).toEqual([
      { fileName: "statement-FRA-2026-03-09.pdf", mediaType: "application/pdf", bytes: pdf?.content.length },
    ]);
  });
});
