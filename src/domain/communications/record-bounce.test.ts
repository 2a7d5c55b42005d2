import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Session, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeCustomer, makeUser } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import type { App } from "../context";

/**
 * Bounces reported back to Encours: by a provider's webhook (JSON, with an API token) or as the bounce
 * email itself (message/rfc822). Two emails were sent to a customer; the first one's mailbox is gone.
 */
let handle: DatabaseHandle;
let app: App;
let manager: Session;
let customerId: number;
const sent: number[] = [];

const dsnFor = (outboxId: number) => `From: MAILER-DAEMON@mx.example.fr
Subject: Undelivered Mail Returned to Sender
Content-Type: multipart/report; report-type=delivery-status; boundary="B"
Message-Id: <report-1@mx.example.fr>

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.fr

Final-Recipient: rfc822; compta@disparu.example
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 User unknown

--B
Content-Type: text/rfc822-headers

Message-ID: <first@encours.test>
X-Encours-Outbox-Id: ${outboxId}

--B--
`;

const activities = async () =>
  (
    await handle.db.execute<{ type: string; summary: string }>(sql`
      select type, summary from activity where customer_id = ${customerId} and type = 'delivery_failed' order by id`)
  ).rows;

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildTestApp(handle);
  const companyId = (await makeCompany(handle.db, { code: "FR" })).id;
  customerId = (await makeCustomer(handle.db, companyId, { externalRef: "C1" })).id;
  manager = await signIn(app, (await makeUser(handle.db, "credit_manager")).email);
  for (const [n, address] of [
    [1, "compta@disparu.example"],
    [2, "ap@client.example"],
  ] as const) {
    const row = await handle.db.execute<{ id: number }>(sql`
      insert into outbox (company_id, customer_id, channel, recipient, status, not_before, provider_message_id, sent_at,
        payload)
      values (${companyId}, ${customerId}, 'email', ${address}, 'sent', now(), ${n === 1 ? "<first@encours.test>" : "<second@encours.test>"},
        now(), '{"type": "email", "template": "standard.d7"}')
      returning id::float8 as id`);
    sent.push(Number(row.rows[0]?.id));
  }
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe("bounces", () => {
  it("turn a sent email into a bounced one, on the customer's timeline, once", async () => {
    const body = dsnFor(sent[0] ?? 0);
    const post = () =>
      app.inject({
        method: "POST",
        url: "/api/messages/bounces",
        headers: {
          "content-type": "message/rfc822",
          cookie: manager.cookie,
          "x-csrf-token": manager.csrfToken,
        },
        payload: body,
      });
    const first = await post();
    expect([first.statusCode, first.json()]).toEqual([200, { outboxId: sent[0], outcome: "bounced" }]);
    expect((await post()).json()).toEqual({ outboxId: sent[0], outcome: "already_bounced" });
    const row = await handle.db.execute<{ status: string; last_error: string }>(
      sql`select status, last_error from outbox where id = ${sent[0] ?? 0}`,
    );
    expect(row.rows[0]).toEqual({ status: "bounced", last_error: "5.1.1 smtp; 550 5.1.1 User unknown" });
    expect(await activities()).toEqual([
      {
        type: "delivery_failed",
        summary: "Email to compta@disparu.example bounced: 5.1.1 smtp; 550 5.1.1 User unknown",
      },
    ]);
    const listed = await manager.get("/api/messages?status=bounced");
    expect(listed.json().items.map((m: { id: number }) => m.id)).toEqual([sent[0]]);
  });

  it("come from a provider's webhook with an API token, by Message-ID; a delay changes nothing", async () => {
    const token = (await manager.send("POST", "/api/tokens", { name: "Mail provider" })).json().token;
    const hook = (payload: Record<string, unknown>) =>
      app.inject({
        method: "POST",
        url: "/api/messages/bounces",
        headers: { authorization: `Bearer ${token}` },
        payload,
      });
    const delayed = await hook({ messageId: "second@encours.test", isPermanent: false, status: "4.2.2" });
    expect(delayed.json()).toEqual({ outboxId: sent[1], outcome: "temporary" });
    const hard = await hook({
      messageId: "<second@encours.test>",
      status: "5.2.1",
      reason: "mailbox disabled",
    });
    expect(hard.json()).toEqual({ outboxId: sent[1], outcome: "bounced" });
    expect(await activities()).toHaveLength(2);
  });

  it("say which message they could not find, and what they could not read", async () => {
    const unknown = await manager.send("POST", "/api/messages/bounces", { messageId: "<nobody@else>" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.issues).toEqual([
      { field: "messageId", value: "<nobody@else>", message: "is not an email of the outbox" },
    ]);
    const empty = await manager.send("POST", "/api/messages/bounces", { isPermanent: true });
    expect(empty.statusCode).toBe(400);
    const wrong = await manager.send("POST", "/api/messages/bounces", { outboxId: "twelve" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues[0]).toMatchObject({ field: "outboxId" });
    const notBounce = await app.inject({
      method: "POST",
      url: "/api/messages/bounces",
      headers: {
        "content-type": "message/rfc822",
        cookie: manager.cookie,
        "x-csrf-token": manager.csrfToken,
      },
      payload: "From: client@example.fr\nSubject: Re: relance\n\nNous payons vendredi.\n",
    });
    expect(notBounce.statusCode).toBe(400);
    expect(notBounce.json().error.message).toBe("This email is not a bounce report Encours can read");
  });
});
