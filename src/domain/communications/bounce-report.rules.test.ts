import { describe, expect, it } from "vitest";
import { parseBounceReport } from "./bounce-report.rules";

/** A Postfix delivery status notification, as sent back for a mailbox that does not exist. */
const POSTFIX_DSN = `Return-Path: <>
Received: by mail.example.fr (Postfix) id 4B2F1C0A12; Tue, 24 Nov 2026 09:12:03 +0100 (CET)
Date: Tue, 24 Nov 2026 09:12:03 +0100 (CET)
From: MAILER-DAEMON@mail.example.fr (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: relances@encours-demo.fr
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="4B2F1C0A12.1795507923/mail.example.fr"
Message-Id: <20261124081203.4B2F1C0A12@mail.example.fr>

This is a MIME-encapsulated message.

--4B2F1C0A12.1795507923/mail.example.fr
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mail.example.fr.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<compta@client-disparu.fr>: host mx.client-disparu.fr[203.0.113.7] said: 550
    5.1.1 <compta@client-disparu.fr>: Recipient address rejected: User unknown
    (in reply to RCPT TO command)

--4B2F1C0A12.1795507923/mail.example.fr
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.example.fr
X-Postfix-Queue-ID: 4B2F1C0A12
Arrival-Date: Tue, 24 Nov 2026 09:12:01 +0100 (CET)

Final-Recipient: rfc822; compta@client-disparu.fr
Original-Recipient: rfc822;compta@client-disparu.fr
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.client-disparu.fr
Diagnostic-Code: smtp; 550 5.1.1 <compta@client-disparu.fr>: Recipient address
    rejected: User unknown

--4B2F1C0A12.1795507923/mail.example.fr
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

From: "Encours Démo" <relances@encours-demo.fr>
To: compta@client-disparu.fr
Subject: Rappel : facture FA-2026-0101 échue
Message-ID: <6d1c2f0a-77aa-4c1e-9a65-0bb1e3c7f5d2@encours-demo.fr>
Content-Language: fr
X-Encours-Outbox-Id: 4217

--4B2F1C0A12.1795507923/mail.example.fr--
`;

describe("parseBounceReport", () => {
  it("reads a delivery status notification: recipient, permanent status, server's words, original ids", () => {
    expect(parseBounceReport(POSTFIX_DSN)).toEqual({
      outboxId: 4217,
      messageId: "<6d1c2f0a-77aa-4c1e-9a65-0bb1e3c7f5d2@encours-demo.fr>",
      recipient: "compta@client-disparu.fr",
      action: "failed",
      status: "5.1.1",
      diagnostic: "smtp; 550 5.1.1 <compta@client-disparu.fr>: Recipient address rejected: User unknown",
      isPermanent: true,
    });
  });

  it("tells a delay (the server still tries) from a failure", () => {
    const delayed = POSTFIX_DSN.replace("Action: failed", "Action: delayed").replace(
      "Status: 5.1.1",
      "Status: 4.4.1",
    );
    expect(parseBounceReport(delayed)).toMatchObject({
      action: "delayed",
      status: "4.4.1",
      isPermanent: false,
    });
  });

  it("reads a plain-text bounce without a delivery-status part", () => {
    const plain = [
      "From: postmaster@old-server.example",
      "Subject: failure notice",
      "",
      "Sorry, we were unable to deliver your message to the following address.",
      "",
      "<paiements@fermee.example>:",
      "550 5.1.1 <paiements@fermee.example>: mailbox unavailable",
      "",
      "--- Below this line is a copy of the message.",
      "",
      "X-Encours-Outbox-Id: 88",
      "Subject: Relance",
    ].join("\r\n");
    expect(parseBounceReport(plain)).toEqual({
      outboxId: 88,
      messageId: null,
      recipient: "paiements@fermee.example",
      action: "failed",
      status: "5.1.1",
      diagnostic: "550 5.1.1 <paiements@fermee.example>: mailbox unavailable",
      isPermanent: true,
    });
  });

  it("finds nothing in an ordinary email", () => {
    expect(
      parseBounceReport("From: a@b.example\nSubject: Merci\n\nBien reçu, nous payons vendredi.\n"),
    ).toBeNull();
  });
});
