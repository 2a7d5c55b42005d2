import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorkbenchWorld, type WorkbenchWorld } from "../../../test/golden/workbench/workbench-world";
import { signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeUser } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import { deliverOutbox } from "../communications/deliver-outbox";
import { smtpTransport } from "../communications/smtp-transport";
import type { EmailTransport } from "../communications/transport";

/**
 * The owner of a dispute gets an internal email, in their own language, through a real SMTP server on
 * loopback: whom it goes to, what it says (customer, reason, amounts, deadline, note, the customer's page),
 * that nobody is emailed about a dispute they opened for themselves or that has no owner, and that a department
 * is emailed at its address in the company's language.
 */
type Received = { to: string[]; raw: string };
let handle: DatabaseHandle;
let w: WorkbenchWorld;
let server: SMTPServer;
let transport: EmailTransport;
const received: Received[] = [];
let englishOwner: { id: number; email: string };

function subjectOf(raw: string): string {
  const head = raw.split("\r\n\r\n")[0]?.replace(/\r\n[ \t]+/g, " ") ?? "";
  const line = head.split("\r\n").find((l) => l.toLowerCase().startsWith("subject:")) ?? "";
  return line
    .slice("subject:".length)
    .trim()
    .replace(/=\?utf-8\?b\?([^?]*)\?=\s*/gi, (_m, data: string) =>
      Buffer.from(data, "base64").toString("utf8"),
    )
    .replace(/=\?utf-8\?q\?([^?]*)\?=\s*/gi, (_m, data: string) =>
      Buffer.from(
        data
          .replace(/_/g, " ")
          .replace(/=([0-9a-f]{2})/gi, (_x, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
        "latin1",
      ).toString("utf8"),
    );
}

async function sentMessages() {
  const result = await handle.db.execute<{
    recipient: string;
    status: string;
    payload: Record<string, unknown>;
  }>(
    sql`select recipient, status, payload from outbox where payload ->> 'template' = 'internal.dispute' order by id`,
  );
  return result.rows;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  w = await makeWorkbenchWorld(handle);
  const owner = await makeUser(handle.db, "credit_manager", "Helen Baker");
  await handle.db.execute(sql`update app_user set language = 'en' where id = ${owner.id}`);
  englishOwner = { id: owner.id, email: owner.email };
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  transport = smtpTransport(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`);
});
afterAll(async () => {
  await transport?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await w?.app.close();
  await handle?.close();
});

describe("the dispute owner's email", () => {
  it("is queued with the dispute and delivered in the owner's language", async () => {
    const response = await w.sessions.sophie.send("POST", `/api/customers/${w.customers.A}/disputes`, {
      invoices: [{ invoiceId: w.invoices.A1, amount: "300" }, { invoiceId: w.invoices.A2 }],
      reason: "price",
      ownerId: englishOwner.id,
      deadline: "2026-03-31",
      note: "Discount of 10% not applied",
    });
    expect(response.statusCode).toBe(201);
    const [queued] = await sentMessages();
    expect(queued).toMatchObject({
      recipient: englishOwner.email,
      status: "queued",
      payload: { type: "internal_email", language: "en" },
    });

    const result = await deliverOutbox(
      { db: handle.db, clock: fixedClock("2026-03-02T09:05:00Z") },
      { now: new Date("2026-03-02T09:05:00Z"), transport, publicUrl: "https://encours.example" },
    );
    expect(result).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect(received.map((r) => r.to)).toEqual([[englishOwner.email]]);
    expect(subjectOf(received[0]?.raw ?? "")).toBe("[Dispute] A: Price, €800.00");
    const [sent] = await sentMessages();
    expect(sent?.status).toBe("sent");
    const text = (sent?.payload.rendered as { text: string } | undefined)?.text ?? "";
    expect(text).toContain("A dispute of the customer A (A) is assigned to you, opened by Sophie Bernard.");
    expect(text).toContain("Reason: Price\nAmount disputed: €800.00\nTo be handled by 31/03/2026");
    expect(text).toContain("Note: Discount of 10% not applied");
    expect(text).toContain("Invoice A-1: €300.00\nInvoice A-2: €500.00");
    expect(text).toContain(`Customer page: https://encours.example/customers/${w.customers.A}`);
  });

  it("is not sent for a dispute without an owner, or to the person who opened it", async () => {
    const before = (await sentMessages()).length;
    const noOwner = await w.sessions.sophie.send("POST", `/api/customers/${w.customers.A}/disputes`, {
      invoices: [{ invoiceId: w.invoices.A3 }],
      reason: "quality",
    });
    expect(noOwner.statusCode).toBe(201);
    const self = await w.sessions.sophie.send("POST", `/api/customers/${w.customers.B}/disputes`, {
      invoices: [{ invoiceId: w.invoices.B1 }],
      reason: "price",
      ownerId: w.users.sophie,
    });
    expect(self.statusCode).toBe(201);
    expect((await sentMessages()).length).toBe(before);
  });

  it("reaches a department at its address, in the company's language", async () => {
    const admin = await signIn(w.app, (await makeUser(handle.db, "admin", "Alice Admin")).email);
    await handle.db.execute(sql`update company set default_language = 'fr' where id = ${w.companyId}`);
    const added = await admin.send("POST", `/api/companies/${w.companyId}/departments`, {
      name: "Logistique",
      email: "logistique@wb.example",
    });
    expect(added.statusCode).toBe(201);
    const departmentId = added.json().items[0].id as number;
    const before = (await sentMessages()).length;
    // The credit manager opens it for herself and for the department: only the department is emailed.
    const opened = await w.sessions.manager.send("POST", `/api/customers/${w.customers.X}/disputes`, {
      invoices: [{ invoiceId: w.invoices.X1 }],
      reason: "not_received",
      ownerId: w.users.manager,
      departmentId,
      deadline: "2026-03-16",
    });
    expect(opened.statusCode).toBe(201);
    const queued = (await sentMessages()).slice(before);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ recipient: "logistique@wb.example", status: "queued" });
    expect(queued[0]?.payload).not.toHaveProperty("language");

    received.length = 0;
    const result = await deliverOutbox(
      { db: handle.db, clock: fixedClock("2026-03-02T09:10:00Z") },
      { now: new Date("2026-03-02T09:10:00Z"), transport, publicUrl: "https://encours.example" },
    );
    expect(result).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect(received.map((r) => r.to)).toEqual([["logistique@wb.example"]]);
    expect(subjectOf(received[0]?.raw ?? "")).toBe(
      "[Litige] X : Marchandise ou prestation non reçue, 900,00\u00a0€",
    );
    const sent = (await sentMessages()).slice(before)[0];
    expect(sent?.status).toBe("sent");
    const rendered = sent?.payload.rendered as { subject: string; text: string } | undefined;
    expect(rendered?.subject).toBe("[Litige] X : Marchandise ou prestation non reçue, 900,00\u00a0€");
    const text = rendered?.text ?? "";
    expect(text).toContain("Un litige vous est confié sur le client X (X), ouvert par Claire Martin.");
    expect(text).toContain(
      "Motif : Marchandise ou prestation non reçue\nMontant contesté : 900,00\u00a0€\nÀ traiter avant le 16/03/2026",
    );
    expect(text).toContain("Facture X-1 : 900,00\u00a0€");
    expect(text).toContain(`Fiche client : https://encours.example/customers/${w.customers.X}`);
  });
});
