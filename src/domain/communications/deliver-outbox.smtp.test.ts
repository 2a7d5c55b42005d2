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
import { smtpTransport } from "./smtp-transport";
import type { EmailTransport } from "./transport";

/**
 * The SMTP path against a real SMTP server on loopback (smtp-server): recipients, subject and language
 * per customer, and a temporary refusal retried once with backoff, delivered exactly once.
 * A French company; customer FRA (French), customer ENG (French account, English contact).
 */
type Received = { from: string; to: string[]; raw: string };
let handle: DatabaseHandle;
let server: SMTPServer;
let transport: EmailTransport;
let ctx: AppContext;
const received: Received[] = [];
let refusedOnce = false;

function decodeWords(header: string): string {
  return header.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, kind: string, data: string) =>
    kind.toLowerCase() === "b"
      ? Buffer.from(data, "base64").toString("utf8")
      : Buffer.from(
          data
            .replace(/_/g, " ")
            .replace(/=([0-9a-f]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

function header(raw: string, name: string): string {
  const unfolded = raw.split("\r\n\r\n")[0]!.replace(/\r\n[ \t]+/g, " ");
  const line = unfolded.split("\r\n").find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return decodeWords(line?.slice(name.length + 1).trim() ?? "");
}

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = { db: handle.db, clock: fixedClock("2026-03-09T09:00:00Z") };
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === "compta@eng.example" && !refusedOnce) {
        refusedOnce = true;
        return callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  transport = smtpTransport(`smtp://127.0.0.1:${port}`);

  const db = handle.db;
  const company = await makeCompany(db, {
    code: "SMTP",
    name: "Fournitures Martin SAS",
    defaultLanguage: "fr",
    iban: "FR76 3000 6000 0112 3456 7890 189",
    bic: "AGRIFRPP",
    senderName: "Service relances",
    senderEmail: "relances@martin.example",
  });
  const fra = await makeCustomer(db, company.id, {
    externalRef: "FRA",
    name: "Boulangerie Durand",
    language: "fr",
  });
  await makeContact(db, fra.id, { name: "Jeanne Durand", email: "compta@fra.example", isPrimary: true });
  await makeInvoice(db, fra, { number: "FA-100", amountMinor: 120000, dueDate: "2026-03-02" });
  const eng = await makeCustomer(db, company.id, {
    externalRef: "ENG",
    name: "Thames Tools Ltd",
    language: "fr",
  });
  await makeContact(db, eng.id, {
    name: "John Smith",
    email: "compta@eng.example",
    language: "en",
    isPrimary: true,
  });
  await makeInvoice(db, eng, { number: "FA-200", amountMinor: 80000, dueDate: "2026-03-02" });
  await runOn(db, company.id, "2026-03-09");
});

afterAll(async () => {
  await transport?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await handle?.close();
});

describe("delivery through SMTP", () => {
  it("sends each customer its reminder in its language; a refused one waits for its retry", async () => {
    const first = await deliverOutbox(ctx, { now: new Date("2026-03-09T09:00:00Z"), transport });
    expect(first).toEqual({ sent: 1, failed: 0, pending: 1 });
    expect(received).toHaveLength(1);
    const french = received[0]!;
    expect(french.to).toEqual(["compta@fra.example"]);
    expect(french.from).toBe("relances@martin.example");
    expect(header(french.raw, "Subject")).toBe("Relance : facture échue — Fournitures Martin SAS");
    expect(header(french.raw, "Content-Language")).toBe("fr");

    // Before the backoff is over, nothing is retried.
    const early = await deliverOutbox(ctx, { now: new Date("2026-03-09T09:00:30Z"), transport });
    expect(early).toEqual({ sent: 0, failed: 0, pending: 1 });
    expect(received).toHaveLength(1);
  });

  it("retries after the backoff and sends once; later runs send nothing more", async () => {
    const retry = await deliverOutbox(ctx, { now: new Date("2026-03-09T09:02:00Z"), transport });
    expect(retry).toEqual({ sent: 1, failed: 0, pending: 0 });
    const again = await deliverOutbox(ctx, { now: new Date("2026-03-09T10:00:00Z"), transport, flush: true });
    expect(again).toEqual({ sent: 0, failed: 0, pending: 0 });
    expect(received).toHaveLength(2);
    const english = received[1]!;
    expect(english.to).toEqual(["compta@eng.example"]);
    expect(header(english.raw, "Subject")).toBe("Reminder: overdue invoice — Fournitures Martin SAS");
    expect(header(english.raw, "Content-Language")).toBe("en");
  });

  it("records the outcome: sent rows, attempts, provider ids, done actions and the timeline", async () => {
    const rows = await handle.db.execute<{
      recipient: string;
      status: string;
      attempts: number;
      provider: string;
    }>(sql`
      select recipient, status, attempts, provider_message_id as provider from outbox order by recipient`);
    expect(rows.rows.map((r) => [r.recipient, r.status, r.attempts])).toEqual([
      ["compta@eng.example", "sent", 2],
      ["compta@fra.example", "sent", 1],
    ]);
    expect(rows.rows.every((r) => r.provider.startsWith("<"))).toBe(true);
    const actions = await handle.db.execute<{ status: string }>(
      sql`select distinct status from dunning_action where type = 'email'`,
    );
    expect(actions.rows).toEqual([{ status: "done" }]);
    const timeline = await handle.db.execute<{ summary: string; text: string; channel: string }>(sql`
      select summary, data->>'text' as text, data->>'channel' as channel from activity
      where type = 'message_sent' order by id`);
    expect(timeline.rows).toHaveLength(2);
    expect(timeline.rows.map((r) => r.channel)).toEqual(["email", "email"]);
    expect(timeline.rows[0]?.text).toContain("FA-100");
    expect(timeline.rows[0]?.text).toContain("IBAN : FR76 3000 6000 0112 3456 7890 189");
    expect(timeline.rows[1]?.text).toContain("Invoice FA-200");
  });
});
