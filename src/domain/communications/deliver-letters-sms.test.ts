import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeCustomer, makeInvoice } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import type { AppContext } from "../context";
import { deliverOutbox } from "./deliver-outbox";
import { pdfText } from "./pdf-text.test-support";
import { httpPostalProvider } from "./postal-provider";
import { buildPrintBatch } from "./print-batch";
import { twilioSmsProvider, webhookSmsProvider } from "./sms-provider";
import { captureTransport } from "./transport";

/**
 * Letters and text messages through the outbox, against a real HTTP server on loopback standing for
 * the postal provider, the generic SMS webhook and Twilio's API: what each request carries, the
 * print batch, retries after a 503, and failures (no address, a fixed-line number) on the timeline.
 */
type Seen = { method: string; path: string; headers: IncomingMessage["headers"]; body: string };
let handle: DatabaseHandle;
let ctx: AppContext;
let server: Server;
let base = "";
const seen: Seen[] = [];
let webhookFailures = 1;
let companyId = 0;
const ids = { durand: 0, nowhere: 0, landline: 0 };
const now = new Date("2026-04-15T08:00:00Z");
const SID = `AC${"0123456789abcdef".repeat(2)}`;

function answer(path: string): { status: number; body: unknown } {
  if (path === "/postal/letters") return { status: 201, body: { id: `PST-${seen.length}` } };
  if (path === "/sms/send") {
    if (webhookFailures > 0) {
      webhookFailures -= 1;
      return { status: 503, body: { error: "busy" } };
    }
    return { status: 200, body: { id: "WH-42" } };
  }
  if (path === `/2010-04-01/Accounts/${SID}/Messages.json`) {
    return { status: 201, body: { sid: "SM0123456789abcdef0123456789abcdef", status: "queued" } };
  }
  return { status: 404, body: { message: "no such route" } };
}

async function queue(
  channel: string,
  customerId: number,
  recipient: string,
  template: string,
): Promise<void> {
  await handle.db.execute(sql`
    insert into outbox (company_id, customer_id, channel, recipient, not_before, payload)
    values (${companyId}, ${customerId}, ${channel}, ${recipient}, ${now.toISOString()}::timestamptz,
      ${JSON.stringify({ type: channel, template })}::jsonb)`);
}

const rows = (channel: string) =>
  handle.db.execute<{
    status: string;
    provider: string | null;
    error: string | null;
    payload: Record<string, unknown>;
  }>(
    sql`select status, provider_message_id as provider, last_error as error, payload from outbox
      where channel = ${channel} order by id`,
  );

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = { db: handle.db, clock: fixedClock(now.toISOString()) };
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const path = request.url ?? "";
      seen.push({
        method: request.method ?? "",
        path,
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      });
      const { status, body } = answer(path);
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const db = handle.db;
  const company = await makeCompany(db, {
    name: "Fournitures Martin SAS",
    addressLine1: "12 rue de la Paix",
    postalCode: "75002",
    city: "Paris",
    legalId: "123 456 789",
    iban: "FR76 3000 6000 0112 3456 7890 189",
    bic: "AGRIFRPP",
  });
  companyId = company.id;
  const durand = await makeCustomer(db, company.id, {
    externalRef: "DUR01",
    name: "Boulangerie Durand",
    addressLine1: "3 avenue des Lilas",
    postalCode: "69003",
    city: "Lyon",
    country: "FR",
    language: "fr",
  });
  await makeInvoice(db, durand, { number: "FA-100", dueDate: "2026-03-01", amountMinor: 120000 });
  const nowhere = await makeCustomer(db, company.id, { externalRef: "NOADDR", name: "Sans Adresse" });
  await makeInvoice(db, nowhere, { number: "FA-200", dueDate: "2026-03-01", amountMinor: 5000 });
  const landline = await makeCustomer(db, company.id, {
    externalRef: "FIXE",
    name: "Fixe SARL",
    country: "FR",
  });
  await makeInvoice(db, landline, { number: "FA-300", dueDate: "2026-03-01", amountMinor: 7000 });
  Object.assign(ids, { durand: durand.id, nowhere: nowhere.id, landline: landline.id });
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await handle?.close();
});

describe("letters", () => {
  it("produces the formal notice for the print batch; a customer without address fails", async () => {
    await queue("letter", ids.durand, "Boulangerie Durand, Lyon", "standard.formal-notice");
    await queue("letter", ids.nowhere, "Sans Adresse", "standard.formal-notice");
    const result = await deliverOutbox(ctx, { now, transport: captureTransport(), flush: true });
    expect(result).toEqual({ sent: 1, failed: 1, pending: 0 });
    const [printed, failed] = (await rows("letter")).rows;
    expect(printed?.provider).toMatch(/^print:2026-04-15:\d+$/);
    expect(printed?.payload.rendered).toMatchObject({
      isRegistered: true,
      delivery: "print-batch",
      pages: 1,
    });
    expect(failed).toMatchObject({ status: "failed", error: "No postal address for Sans Adresse" });
    const timeline = await handle.db.execute<{ summary: string; data: Record<string, unknown> }>(
      sql`select summary, data from activity where customer_id = ${ids.durand} and type = 'message_sent'`,
    );
    expect(timeline.rows[0]?.summary).toContain(
      "Letter produced for the print batch of 2026-04-15 (registered",
    );
    expect(timeline.rows[0]?.data).toMatchObject({
      channel: "letter",
      delivery: "print-batch",
      letterDate: "2026-04-15",
      isRegistered: true,
    });
  });

  it("posts a letter through the postal API with its PDF; the batch keeps only the letters to print", async () => {
    await queue("letter", ids.durand, "Boulangerie Durand, Lyon", "letter.reminder");
    const postal = httpPostalProvider({ url: `${base}/postal/letters`, token: "secret-postal" });
    const result = await deliverOutbox(ctx, { now, transport: captureTransport(), postal, flush: true });
    expect(result).toEqual({ sent: 1, failed: 0, pending: 0 });
    const request = seen.find((s) => s.path === "/postal/letters")!;
    expect(request.headers.authorization).toBe("Bearer secret-postal");
    const body = JSON.parse(request.body) as {
      registered: boolean;
      pdf: string;
      recipient: { lines: string[] };
    };
    expect(body.registered).toBe(false);
    expect(body.recipient.lines).toEqual(["Boulangerie Durand", "3 avenue des Lilas", "69003 Lyon"]);
    expect(pdfText(Buffer.from(body.pdf, "base64"))).toContain("Objet : Relance : facture échue");
    expect((await rows("letter")).rows[2]?.provider).toMatch(/^PST-\d+$/);

    const batch = await buildPrintBatch(ctx, { date: "2026-04-15", companyId });
    expect(batch).toMatchObject({ letters: 1, pages: 1 });
    const merged = await PDFDocument.load(batch.pdf!);
    expect(merged.getPageCount()).toBe(1);
    expect(pdfText(batch.pdf!)).toContain("MISE EN DEMEURE DE PAYER");
    expect((await buildPrintBatch(ctx, { date: "2026-04-15", companyId, duplex: true })).pages).toBe(2);
    expect((await buildPrintBatch(ctx, { date: "2026-04-16", companyId })).pdf).toBeNull();
  });
});

describe("text messages", () => {
  it("sends through the webhook in E.164 after one 503, and refuses a fixed-line number", async () => {
    await queue("sms", ids.durand, "06 12 34 56 78", "small.d+20");
    await queue("sms", ids.landline, "01 42 68 53 00", "small.d+20");
    const sms = webhookSmsProvider({ url: `${base}/sms/send`, token: "hook-token", sender: "MARTIN" });
    const first = await deliverOutbox(ctx, { now, transport: captureTransport(), sms, flush: true });
    expect(first).toEqual({ sent: 0, failed: 1, pending: 1 });
    const later = new Date(now.getTime() + 120_000);
    const second = await deliverOutbox(ctx, { now: later, transport: captureTransport(), sms, flush: true });
    expect(second).toEqual({ sent: 1, failed: 0, pending: 0 });
    const calls = seen.filter((s) => s.path === "/sms/send");
    expect(calls).toHaveLength(2);
    expect(calls[1]?.headers.authorization).toBe("Bearer hook-token");
    const body = JSON.parse(calls[1]!.body) as Record<string, unknown>;
    expect(body).toMatchObject({ to: "+33612345678", from: "MARTIN", encoding: "GSM-7", parts: 1 });
    expect(body.text).toBe(
      "Fournitures Martin SAS : 1 200,00 € restent impayés sur votre compte DUR01. Merci de régler sans délai, réf. FA-100. Déjà réglé ? Ignorez ce SMS.",
    );
    const [sent, refused] = (await rows("sms")).rows;
    expect(sent).toMatchObject({ status: "sent", provider: "WH-42" });
    expect(refused?.status).toBe("failed");
    expect(refused?.error).toBe('The phone number "01 42 68 53 00" is not a mobile number (fixed_line)');
  });

  it("calls Twilio's Messages API with basic authentication and a form body", async () => {
    await queue("sms", ids.durand, "+33 6 98 76 54 32", "small.d+20");
    const sms = twilioSmsProvider({
      accountSid: SID,
      authToken: "tw-token",
      sender: "+33700000000",
      apiUrl: base,
    });
    const result = await deliverOutbox(ctx, { now, transport: captureTransport(), sms, flush: true });
    expect(result).toEqual({ sent: 1, failed: 0, pending: 0 });
    const call = seen.find((s) => s.path.startsWith("/2010-04-01/"))!;
    expect(call.method).toBe("POST");
    expect(call.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(call.headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:tw-token`).toString("base64")}`);
    const form = new URLSearchParams(call.body);
    expect(form.get("To")).toBe("+33698765432");
    expect(form.get("From")).toBe("+33700000000");
    expect(form.get("Body")).toContain("1 200,00 € restent impayés");
    expect((await rows("sms")).rows[2]?.provider).toBe("SM0123456789abcdef0123456789abcdef");
  });
});
