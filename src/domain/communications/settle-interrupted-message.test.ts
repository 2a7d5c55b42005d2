import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOn } from "../../../test/golden/dunning/dunning-world";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeContact, makeCustomer, makeInvoice } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { deliverOutbox } from "./deliver-outbox";
import { listMessages } from "./list-messages";
import { claimDueMessages } from "./outbox.repo";
import { settleInterruptedMessage } from "./settle-interrupted-message";
import type { EmailTransport } from "./transport";

/**
 * A worker that died between claiming its messages and recording them leaves them `sending`. An hour after the
 * claim they show as interrupted, and a credit manager settles each: send again, sent, or cancelled.
 * Company INT; three customers with an overdue invoice each, so that the run plans three emails.
 */
let handle: DatabaseHandle;
const CLAIMED = new Date("2026-03-09T09:00:00Z");
const later = (minutes: number): AppContext => ({
  db: handle.db,
  clock: fixedClock(new Date(CLAIMED.getTime() + minutes * 60_000).toISOString()),
});
const manager: Actor = {
  kind: "user",
  userId: null,
  role: "credit_manager",
  name: "Claire Martin",
  language: "fr",
};
const collector: Actor = { ...manager, role: "collector", name: "Paul" };
const ids: Record<string, number> = {};

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  const company = await makeCompany(db, { code: "INT", name: "Interrompu SA", defaultLanguage: "fr" });
  for (const ref of ["AGAIN", "SENT", "DROP"]) {
    const customer = await makeCustomer(db, company.id, { externalRef: ref, name: `Client ${ref}` });
    await makeContact(db, customer.id, {
      name: ref,
      email: `${ref.toLowerCase()}@example.com`,
      isPrimary: true,
    });
    await makeInvoice(db, customer, { number: `FA-${ref}`, amountMinor: 50000, dueDate: "2026-03-02" });
  }
  await runOn(db, company.id, "2026-03-09");
  // The worker claims every due email, then dies before sending or recording any.
  const claimed = await db.transaction((tx) =>
    claimDueMessages(tx, { now: CLAIMED, limit: 10, flush: true }),
  );
  for (const message of claimed) {
    const ref = await db.execute<{ ref: string }>(
      sql`select external_ref as ref from customer where id = ${message.customer_id}`,
    );
    ids[ref.rows[0]!.ref] = message.id;
  }
});
afterAll(async () => {
  await handle?.close();
});

const row = async (id: number) =>
  (
    await handle.db.execute<{
      status: string;
      attempts: number;
      sent_at: Date | null;
      action: string | null;
    }>(sql`
      select o.status, o.attempts, o.sent_at, a.status as action
      from outbox o left join dunning_action a on a.id = o.action_id where o.id = ${id}`)
  ).rows[0]!;

describe("interrupted deliveries", () => {
  it("count as interrupted an hour after their claim, not before", async () => {
    expect(Object.keys(ids).sort()).toEqual(["AGAIN", "DROP", "SENT"]);
    const soon = await listMessages(later(59), manager, { limit: 100, interrupted: true });
    expect(soon.items).toHaveLength(0);
    const hourLater = await listMessages(later(61), manager, { limit: 100, interrupted: true });
    expect(hourLater.items.map((m) => m.id).sort()).toEqual(Object.values(ids).sort());
    expect(hourLater.items.every((m) => m.status === "sending" && m.isInterrupted)).toBe(true);
    expect(hourLater.items[0]?.claimedAt).toBe(CLAIMED.toISOString());
  });

  it("are left alone by the next deliveries", async () => {
    const result = await deliverOutbox(later(120), {
      now: later(120).clock.now(),
      transport: failing(),
      flush: true,
    });
    expect(result.sent).toBe(0);
    expect((await row(ids.AGAIN!)).status).toBe("sending");
  });

  it("refuse to be settled while a worker may still hold them, by a collector, or once settled", async () => {
    await expect(
      settleInterruptedMessage(later(30), manager, ids.AGAIN!, { outcome: "requeue" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/claimed 30 min ago and may still be on its way/),
    });
    await expect(
      settleInterruptedMessage(later(90), collector, ids.AGAIN!, { outcome: "requeue" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      settleInterruptedMessage(later(90), manager, 999_999, { outcome: "sent" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await row(ids.AGAIN!)).status).toBe("sending");
  });

  it("sent again: the next delivery sends it once", async () => {
    const settled = await settleInterruptedMessage(later(90), manager, ids.AGAIN!, {
      outcome: "requeue",
      note: "not in the SMTP log",
    });
    expect(settled).toMatchObject({ status: "queued", isInterrupted: false });
    expect(settled.lastError).toBe("Delivery interrupted; requeued by Claire Martin: not in the SMTP log");
    const sends: number[] = [];
    const ctx = later(95);
    const result = await deliverOutbox(ctx, {
      now: ctx.clock.now(),
      transport: counting(sends),
      flush: true,
    });
    expect(result.sent).toBe(1);
    expect(sends).toEqual([ids.AGAIN]);
    expect(await row(ids.AGAIN!)).toMatchObject({ status: "sent", attempts: 2, action: "done" });
    await expect(
      settleInterruptedMessage(later(200), manager, ids.AGAIN!, { outcome: "cancel" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Message ${ids.AGAIN} is sent: only an interrupted delivery is settled by hand`,
    });
  });

  it("recorded as sent: its action done, on the timeline, dated by its claim, never sent again", async () => {
    const settled = await settleInterruptedMessage(later(90), manager, ids.SENT!, { outcome: "sent" });
    expect(settled).toMatchObject({ status: "sent", sentAt: CLAIMED.toISOString() });
    expect(await row(ids.SENT!)).toMatchObject({ status: "sent", attempts: 1, action: "done" });
    const timeline = await handle.db.execute<{ summary: string; data: Record<string, unknown> }>(sql`
      select summary, data from activity where type = 'message_sent' and (data->>'outboxId')::bigint = ${ids.SENT}`);
    expect(timeline.rows.map((r) => r.summary)).toEqual([
      "email to sent@example.com: Delivery interrupted; confirmed as sent by Claire Martin",
    ]);
    expect(timeline.rows[0]?.data).toMatchObject({
      channel: "email",
      recipient: "sent@example.com",
      confirmedBy: "Claire Martin",
      interrupted: true,
    });
    const sends: number[] = [];
    const ctx = later(100);
    await deliverOutbox(ctx, { now: ctx.clock.now(), transport: counting(sends), flush: true });
    expect(sends).toEqual([]);
  });

  it("cancelled: the message and its dunning action, with the reason, and each settlement audited", async () => {
    await settleInterruptedMessage(later(90), manager, ids.DROP!, {
      outcome: "cancel",
      note: "customer paid",
    });
    expect(await row(ids.DROP!)).toMatchObject({ status: "cancelled", action: "cancelled" });
    const audit = await handle.db.execute<{ action: string; entity_id: string }>(sql`
      select action, entity_id from audit_log where entity = 'outbox' order by id`);
    expect(audit.rows).toEqual([
      { action: "message.requeue", entity_id: String(ids.AGAIN) },
      { action: "message.sent", entity_id: String(ids.SENT) },
      { action: "message.cancel", entity_id: String(ids.DROP) },
    ]);
  });
});

function counting(sends: number[]): EmailTransport {
  return {
    kind: "capture",
    async send(email) {
      sends.push(email.outboxId);
      return { providerMessageId: `capture:${email.outboxId}` };
    },
    async close() {},
  };
}

function failing(): EmailTransport {
  return {
    kind: "smtp",
    async send() {
      throw new Error("must not be called");
    },
    async close() {},
  };
}
