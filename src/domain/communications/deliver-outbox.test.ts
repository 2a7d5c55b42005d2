import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOn } from "../../../test/golden/dunning/dunning-world";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeContact, makeCustomer, makeInvoice } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import { type Clock, fixedClock } from "../../shared/clock";
import { toIsoDateInZone } from "../../shared/dates";
import type { AppContext } from "../context";
import { deliverOutbox, MAX_ATTEMPTS, retryDelaySeconds } from "./deliver-outbox";
import { type ClaimedMessage, claimDueMessages, recordFailure, recordSentMany } from "./outbox.repo";
import { captureTransport, type EmailTransport, PermanentDeliveryError } from "./transport";

/**
 * The capture transport, the send window and its flush, failures, and "never twice" under concurrent
 * workers. Company CAP (French); ONE has a contact with an address, NOMAIL has none.
 */
let handle: DatabaseHandle;
let ctx: AppContext;
let companyId = 0;
let oneId = 0;

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = { db: handle.db, clock: fixedClock("2026-03-09T09:00:00Z") };
  const db = handle.db;
  const company = await makeCompany(db, { code: "CAP", name: "Capture SA", defaultLanguage: "fr" });
  companyId = company.id;
  const one = await makeCustomer(db, company.id, { externalRef: "ONE", name: "Un SARL" });
  oneId = one.id;
  await makeContact(db, one.id, { name: "Léa Martin", email: "lea@one.example", isPrimary: true });
  await makeInvoice(db, one, { number: "FA-1", amountMinor: 50000, dueDate: "2026-03-02" });
  const noMail = await makeCustomer(db, company.id, { externalRef: "NOMAIL", name: "Sans Mail" });
  await makeInvoice(db, noMail, { number: "FA-2", amountMinor: 30000, dueDate: "2026-03-02" });
  await runOn(db, company.id, "2026-03-09");
});
afterAll(async () => {
  await handle?.close();
});

const outboxRows = () =>
  handle.db.execute<{
    id: number;
    recipient: string | null;
    status: string;
    provider: string | null;
    payload: Record<string, unknown>;
  }>(
    sql`select id, recipient, status, provider_message_id as provider, payload from outbox where company_id = ${companyId} order by id`,
  );

describe("the capture transport and the send window", () => {
  it("sends nothing before the send window opens, unless flushed", async () => {
    const early = new Date("2026-03-09T06:30:00Z"); // 07:30 in Paris, the window opens at 08:00
    const waiting = await deliverOutbox(ctx, { now: early, transport: captureTransport() });
    expect(waiting).toEqual({ sent: 0, failed: 0, pending: 2 });
    const flushed = await deliverOutbox(ctx, { now: early, transport: captureTransport(), flush: true });
    expect(flushed).toEqual({ sent: 1, failed: 1, pending: 0 });
  });

  it("keeps the rendered message, marked captured, with a capture: provider id", async () => {
    const [sent] = (await outboxRows()).rows.filter((r) => r.status === "sent");
    expect(sent?.provider).toBe(`capture:${sent?.id}`);
    expect(sent?.payload.captured).toBe(true);
    const rendered = sent?.payload.rendered as { subject: string; text: string; language: string };
    expect(rendered.language).toBe("fr");
    expect(rendered.subject).toBe("Relance : facture échue — Capture SA");
    expect(rendered.text).toContain("FA-1");
  });

  it("fails a message with no address at once and says so on the timeline", async () => {
    const failed = (await outboxRows()).rows.filter((r) => r.status === "failed");
    expect(failed).toHaveLength(1);
    const timeline = await handle.db.execute<{ summary: string; data: Record<string, unknown> }>(
      sql`select summary, data from activity where type = 'delivery_failed' and company_id = ${companyId}`,
    );
    expect(timeline.rows[0]?.summary).toMatch(/No email address/);
    expect(timeline.rows[0]?.data).toMatchObject({
      outboxId: Number(failed[0]?.id),
      channel: "email",
      recipient: failed[0]?.recipient ?? null,
      attempts: 1,
      error: "No email address to send to",
    });
  });
});

async function queue(count: number, status = "queued"): Promise<number[]> {
  const rows = await handle.db.execute<{ id: number }>(sql`
    insert into outbox (company_id, customer_id, channel, recipient, status, not_before, payload)
    select ${companyId}, ${oneId}, 'email', 'lea@one.example', ${status}::outbox_status, '2026-03-09T07:00:00Z',
      '{"type": "email", "template": "standard.d+0"}'::jsonb
    from generate_series(1, ${count}) returning id`);
  return rows.rows.map((r) => Number(r.id));
}

describe("never twice", () => {
  it("three workers at once send each message exactly once; a row being sent is left alone", async () => {
    const ids = await queue(12);
    const [busy] = await queue(1, "sending");
    const sends = new Map<number, number>();
    const counting: EmailTransport = {
      kind: "capture",
      async send(email) {
        sends.set(email.outboxId, (sends.get(email.outboxId) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { providerMessageId: `capture:${email.outboxId}` };
      },
      async close() {},
    };
    const now = new Date("2026-03-09T09:00:00Z");
    const results = await Promise.all(
      [1, 2, 3].map(() => deliverOutbox(ctx, { now, transport: counting, limit: 2 })),
    );
    expect(results.reduce((s, r) => s + r.sent, 0)).toBe(12);
    expect([...sends.keys()].sort((a, b) => a - b)).toEqual(ids);
    expect([...sends.values()].every((n) => n === 1)).toBe(true);
    expect(sends.has(busy!)).toBe(false);
  });

  it("gives up after the last attempt, and at once on a permanent refusal", async () => {
    const [tired] = await queue(1);
    await handle.db.execute(sql`update outbox set attempts = ${MAX_ATTEMPTS - 1} where id = ${tired}`);
    const flaky: EmailTransport = {
      kind: "smtp",
      async send() {
        throw new Error("connection reset");
      },
      async close() {},
    };
    const now = new Date("2026-03-09T09:00:00Z");
    expect(await deliverOutbox(ctx, { now, transport: flaky })).toMatchObject({ sent: 0, failed: 1 });
    const [refused] = await queue(1);
    const refusing: EmailTransport = {
      kind: "smtp",
      async send() {
        throw new PermanentDeliveryError("550 no such user");
      },
      async close() {},
    };
    expect(await deliverOutbox(ctx, { now, transport: refusing })).toMatchObject({ sent: 0, failed: 1 });
    const rows = await handle.db.execute<{ id: number; status: string; error: string }>(
      sql`select id, status, last_error as error from outbox where id in (${tired}, ${refused}) order by id`,
    );
    expect(rows.rows.map((r) => [r.status, r.error])).toEqual([
      ["failed", "connection reset"],
      ["failed", "550 no such user"],
    ]);
  });

  it.each([
    [1, 60],
    [2, 120],
    [3, 240],
    [20, 21600],
  ])("after attempt %i the next one waits %i s", (attempts, seconds) => {
    expect(retryDelaySeconds(attempts)).toBe(seconds);
  });
});

describe("the claim's lease", () => {
  const rowsOf = (ids: number[]) =>
    handle.db.execute<{ id: number; status: string; attempts: number; claimed_at: string | null }>(
      sql`select id, status, attempts, to_char(claimed_at at time zone 'UTC', 'HH24:MI') as claimed_at from outbox where id in (${sql.join(ids, sql`, `)}) order by id`,
    );

  it("gives back to the queue, unsent, what it could not send within half an hour of its claim", async () => {
    const ids = await queue(3);
    let at = new Date("2026-03-09T09:00:00Z").getTime();
    const clock: Clock = { now: () => new Date(at), today: (zone) => toIsoDateInZone(new Date(at), zone) };
    const sent: number[] = [];
    const slow: EmailTransport = {
      kind: "smtp",
      async send(email) {
        sent.push(email.outboxId);
        at += 31 * 60_000; // the mail server took 31 minutes to answer
        return { providerMessageId: `slow:${email.outboxId}` };
      },
      async close() {},
    };
    const now = new Date(at);
    const result = await deliverOutbox({ ...ctx, clock }, { now, transport: slow, concurrency: 1 });
    expect(result).toMatchObject({ sent: 1, failed: 0 });
    expect(sent).toEqual([ids[0]]);
    expect((await rowsOf(ids)).rows.map((r) => [r.status, r.attempts, r.claimed_at])).toEqual([
      ["sent", 1, "09:00"],
      ["queued", 0, null],
      ["queued", 0, null],
    ]);
    // The next run sends them, once each.
    const next = await deliverOutbox(
      { ...ctx, clock },
      { now: new Date(at), transport: slow, concurrency: 1 },
    );
    expect(next).toMatchObject({ sent: 1 });
    expect(sent).toEqual(ids.slice(0, 2));
  });

  it("leaves a row alone once another claim took it: a late record neither marks it sent nor fails it", async () => {
    const [id] = await queue(1);
    const now = new Date("2026-03-09T09:00:00Z");
    const claim = () => handle.db.transaction((tx) => claimDueMessages(tx, { now, limit: 100, flush: true }));
    const first = (await claim()).find((m) => m.id === id) as ClaimedMessage;
    // A credit manager requeued it as interrupted, and another worker claimed it again.
    await handle.db.execute(sql`update outbox set status = 'queued' where id = ${id}`);
    const second = (await claim()).find((m) => m.id === id) as ClaimedMessage;
    expect([first.attempts, second.attempts]).toEqual([1, 2]);
    const late = {
      message: first,
      providerMessageId: "late",
      rendered: {},
      isCaptured: false,
      now,
      summary: "",
    };
    expect(await handle.db.transaction((tx) => recordSentMany(tx, [late]))).toEqual(new Set());
    await handle.db.transaction((tx) =>
      recordFailure(tx, { message: first, error: "late", retryAt: null, now }),
    );
    expect((await rowsOf([id!])).rows.map((r) => [r.status, r.attempts])).toEqual([["sending", 2]]);
    const failures = await handle.db.execute(
      sql`select 1 from activity where type = 'delivery_failed' and (data->>'outboxId')::bigint = ${id}`,
    );
    expect(failures.rows).toHaveLength(0);
  });
});
