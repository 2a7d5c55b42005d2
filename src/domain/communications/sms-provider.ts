import { callProvider, providerIdOf } from "./http-delivery";
import type { SmsEncoding } from "./sms-text.rules";

/** One text message ready to leave: the number in E.164, the text already fitted. */
export type OutgoingSms = {
  to: string;
  text: string;
  encoding: SmsEncoding;
  parts: number;
  outboxId: number;
};

/** The port every SMS provider implements; "capture" keeps the message in Encours, not delivered. */
export type SmsProvider = {
  kind: "capture" | "webhook" | "twilio";
  send(sms: OutgoingSms): Promise<{ providerMessageId: string }>;
};

/** The default without a provider: like the email capture, nothing leaves. */
export function captureSmsProvider(): SmsProvider {
  return {
    kind: "capture",
    async send(sms) {
      return { providerMessageId: `capture:${sms.outboxId}` };
    },
  };
}

/**
 * A generic HTTP webhook (`SMS_WEBHOOK_URL`, optional `SMS_WEBHOOK_TOKEN` as a bearer token): one
 * JSON POST per message, `{ to, from, text, encoding, parts, reference }`; the answer's `id` (or
 * `messageId`) is kept as the provider's id. Any 2xx is success.
 */
export function webhookSmsProvider(options: { url: string; token?: string; sender?: string }): SmsProvider {
  return {
    kind: "webhook",
    async send(sms) {
      const json = await callProvider("SMS webhook", options.url, {
        headers: {
          "Content-Type": "application/json",
          ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({
          to: sms.to,
          from: options.sender ?? null,
          text: sms.text,
          encoding: sms.encoding,
          parts: sms.parts,
          reference: `encours-${sms.outboxId}`,
        }),
      });
      return {
        providerMessageId: providerIdOf(json, ["id", "messageId", "message_id"], `webhook:${sms.outboxId}`),
      };
    },
  };
}

export type TwilioOptions = {
  accountSid: string;
  authToken: string;
  /** A Twilio number in E.164, an alphanumeric sender id, or a Messaging Service SID (MG…). */
  sender: string;
  /** https://api.twilio.com; another base only for tests or a regional edge. */
  apiUrl?: string;
};

/**
 * Twilio's Programmable Messaging API: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form
 * encoded `To`, `From` (or `MessagingServiceSid`) and `Body`, HTTP basic authentication with the
 * account SID and auth token; the answer (201) carries the message `sid`.
 */
export function twilioSmsProvider(options: TwilioOptions): SmsProvider {
  const base = (options.apiUrl ?? "https://api.twilio.com").replace(/\/$/, "");
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const auth = Buffer.from(`${options.accountSid}:${options.authToken}`).toString("base64");
  return {
    kind: "twilio",
    async send(sms) {
      const form = new URLSearchParams({ To: sms.to, Body: sms.text });
      if (/^MG[0-9a-f]{32}$/i.test(options.sender)) form.set("MessagingServiceSid", options.sender);
      else form.set("From", options.sender);
      const json = await callProvider("Twilio", url, {
        headers: { Authorization: `Basic ${auth}`, "Content-Type": "application/x-www-form-urlencoded" },
        body: form.toString(),
      });
      return { providerMessageId: providerIdOf(json, ["sid"], `twilio:${sms.outboxId}`) };
    },
  };
}
