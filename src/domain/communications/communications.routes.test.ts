import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOn } from "../../../test/golden/dunning/dunning-world";
import { buildTestApp, type Session, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import {
  makeCompany,
  makeContact,
  makeCustomer,
  makeInvoice,
  makeUser,
} from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import type { App } from "../context";
import type { MessageList, RenderedMessage, TemplateDetail, TemplateList } from "./communications.schemas";
import { deliverOutbox } from "./deliver-outbox";
import { captureTransport } from "./transport";

/** Templates (list, validation with line and column, versions, preview) and the messages list, over HTTP. */
let handle: DatabaseHandle;
let app: App;
let manager: Session;
let stranger: Session;
let companyId = 0;
let customerId = 0;

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildTestApp(handle, { clock: fixedClock("2026-03-09T09:00:00Z") });
  const db = handle.db;
  const company = await makeCompany(db, {
    code: "TPL",
    name: "Modèles SA",
    defaultLanguage: "fr",
    iban: "FR7630006000011234567890189",
    bic: "AGRIFRPP",
  });
  companyId = company.id;
  const customer = await makeCustomer(db, company.id, {
    externalRef: "TPL-C",
    name: "Client Modèle",
    language: "fr",
  });
  customerId = customer.id;
  await makeContact(db, customer.id, { name: "Paul", email: "paul@client.example", isPrimary: true });
  await makeInvoice(db, customer, { number: "FA-777", amountMinor: 99000, dueDate: "2026-03-02" });
  manager = await signIn(app, (await makeUser(db, "credit_manager", "Claire Templates")).email);
  stranger = await signIn(app, (await makeUser(db, "collector", "Nina Ailleurs")).email);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

const put = (session: Session, url: string, body: unknown) =>
  app.inject({
    method: "PUT",
    url,
    headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
    payload: body as object,
  });
const url = (code: string, language = "fr") =>
  `/api/templates/${encodeURIComponent(code)}/${language}/email?companyId=${companyId}`;

describe("templates", () => {
  it("lists every shipped template (10 emails, 3 letters, 1 SMS) in the six languages", async () => {
    const response = await manager.get(`/api/templates?companyId=${companyId}`);
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as TemplateList;
    expect(items).toHaveLength((10 + 3 + 1) * 6);
    expect(items.filter((t) => t.isFallback)).toEqual([]);
    const german = items.find((t) => t.code === "standard.d+14" && t.language === "de");
    expect(german).toMatchObject({ isShipped: true, isFallback: false, version: 0, channel: "email" });
    expect(german?.subject).toMatch(/^Letzte Mahnung/);
    const notice = items.find((t) => t.code === "standard.formal-notice" && t.language === "fr");
    expect(notice).toMatchObject({ channel: "letter", isShipped: true });
    expect(notice?.subject).toMatch(/^MISE EN DEMEURE DE PAYER/);
  });

  it("refuses an invalid template with the line and column of each error", async () => {
    const response = await put(manager, url("standard.d+7"), {
      subject: "Relance {{ customer.nom }}",
      html: "",
      text: "Bonjour,\n{% if totals.count > 1 %}\nplusieurs",
    });
    expect(response.statusCode).toBe(400);
    const issues = response.json().error.issues as {
      field: string;
      line: number;
      column: string;
      message: string;
    }[];
    expect(issues).toEqual([
      expect.objectContaining({
        field: "subject",
        line: 1,
        column: "12",
        message: expect.stringMatching(/customer.nom/),
      }),
      expect.objectContaining({
        field: "text",
        line: 2,
        column: "1",
        message: expect.stringMatching(/not closed/),
      }),
    ]);
  });

  it("saves versions, keeps the history and refuses saving over a newer version", async () => {
    const body = {
      subject: "Relance {{ customer.name }} — {{ totals.open_amount }}",
      html: "",
      text: "Facture(s) : {% for i in invoices %}{{ i.number }} {% endfor %}",
    };
    const first = await put(manager, url("standard.d+7"), { ...body, baseVersion: 0, comment: "plus court" });
    expect(first.statusCode).toBe(200);
    const second = await put(manager, url("standard.d+7"), { ...body, baseVersion: 1 });
    expect(second.statusCode).toBe(200);
    const detail = (await manager.get(url("standard.d+7"))).json() as TemplateDetail;
    expect(detail).toMatchObject({ version: 2, isShipped: false, updatedBy: "Claire Templates" });
    expect(detail.history.map((h) => [h.version, h.comment])).toEqual([
      [2, null],
      [1, "plus court"],
    ]);
    const stale = await put(manager, url("standard.d+7"), { ...body, baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await put(stranger, url("standard.d+7"), body)).statusCode).toBe(403);
  });

  it("previews a template for a real customer in its language, with its invoices", async () => {
    const response = await manager.send("POST", "/api/templates/preview", {
      customerId,
      subject: "Relance — {{ customer.name }}",
      html: "<p>{{ totals.open_amount }}</p>",
      text: "{% for i in invoices %}{{ i.number }} échue le {{ i.due_date }}{% endfor %}",
    });
    expect(response.statusCode).toBe(200);
    const preview = response.json() as RenderedMessage;
    expect(preview).toEqual({
      language: "fr",
      subject: "Relance — Client Modèle",
      html: "<p>990,00\u00a0€</p>",
      text: "FA-777 échue le 02/03/2026",
    });
  });

  it("fills the penalties from the legal module's claim: interest to date and the 40 EUR indemnity", async () => {
    const response = await manager.send("POST", "/api/templates/preview", {
      customerId,
      subject: "Pénalités",
      html: "",
      text: "{{ penalties.interest }} | {{ penalties.indemnity }} | {{ penalties.indemnity_count }} | {{ totals.with_penalties }}",
    });
    expect(response.statusCode).toBe(200);
    const [interest, indemnity, count, total] = (response.json() as RenderedMessage).text.split(" | ");
    expect(interest).toMatch(/^[1-9]\d*,\d{2}\u00a0€$/);
    expect([indemnity, count]).toEqual(["40,00\u00a0€", "1"]);
    expect(total).toMatch(/^1\u202f0\d{2},\d{2}\u00a0€$/);
  });
});

describe("messages", () => {
  it("sends with the company's own template and lists the message as captured, with its content", async () => {
    await runOn(handle.db, companyId, "2026-03-09");
    const ctx = { db: handle.db, clock: fixedClock("2026-03-09T09:00:00Z") };
    const result = await deliverOutbox(ctx, {
      now: new Date("2026-03-09T09:00:00Z"),
      transport: captureTransport(),
    });
    expect(result).toMatchObject({ sent: 1 });
    const response = await manager.get(`/api/messages?customerId=${customerId}&status=sent`);
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as MessageList;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      status: "sent",
      isCaptured: true,
      template: "standard.d+7",
      recipient: "paul@client.example",
      rendered: {
        language: "fr",
        subject: "Relance Client Modèle — 990,00\u00a0€",
        text: "Facture(s) : FA-777 ",
      },
    });
  });

  it("settles an interrupted delivery for credit managers only, and answers the message", async () => {
    const [row] = (
      await handle.db.execute<{ id: number }>(sql`
        update outbox set status = 'sending', sent_at = null, claimed_at = '2026-03-09T07:00:00Z'
        where customer_id = ${customerId} returning id`)
    ).rows;
    const id = Number(row!.id);
    const interrupted = (await manager.get("/api/messages?interrupted=true")).json() as MessageList;
    expect(interrupted.items.map((m) => [m.id, m.isInterrupted, m.claimedAt])).toEqual([
      [id, true, "2026-03-09T07:00:00.000Z"],
    ]);
    // Every list counts them, beyond its filter and limit; another portfolio's do not count.
    const other = (await manager.get("/api/messages?status=cancelled&limit=1")).json() as MessageList;
    expect(other).toMatchObject({ items: [], interrupted: 1 });
    expect(((await stranger.get("/api/messages")).json() as MessageList).interrupted).toBe(0);
    const settle = (session: Session, body: unknown, target = id) =>
      app.inject({
        method: "POST",
        url: `/api/messages/${target}/settle`,
        headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
        payload: body as object,
      });
    expect((await settle(stranger, { outcome: "sent" })).statusCode).toBe(403);
    const bad = await settle(manager, { outcome: "resend" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({ field: "outcome", value: "resend" });
    expect((await settle(manager, { outcome: "sent" }, 999_999)).statusCode).toBe(404);
    const done = await settle(manager, { outcome: "sent", note: "seen in the SMTP log" });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      id,
      status: "sent",
      isInterrupted: false,
      sentAt: "2026-03-09T07:00:00.000Z",
    });
    const again = await settle(manager, { outcome: "requeue" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      `Message ${id} is sent: only an interrupted delivery is settled by hand`,
    );
  });

  it("keeps other portfolios' messages out of sight", async () => {
    expect((await stranger.get(`/api/messages?customerId=${customerId}`)).statusCode).toBe(404);
    const { items } = (await stranger.get("/api/messages")).json() as MessageList;
    expect(items).toEqual([]);
  });
});
