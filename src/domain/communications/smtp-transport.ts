import nodemailer from "nodemailer";
import { type EmailTransport, PermanentDeliveryError } from "./transport";

/**
 * SMTP through nodemailer with a connection pool (`SMTP_URL`, e.g. smtps://user:pass@smtp.example.com:465).
 * DKIM signing is the relay's job in the usual setup; see docs/communications.md.
 */
export function smtpTransport(url: string): EmailTransport {
  const pooled = new URL(url);
  if (!pooled.searchParams.has("pool")) pooled.searchParams.set("pool", "true");
  const transporter = nodemailer.createTransport(pooled.toString());
  return {
    kind: "smtp",
    async send(email) {
      try {
        const info = await transporter.sendMail({
          from: email.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          attachments: (email.attachments ?? []).map((a) => ({
            filename: a.fileName,
            contentType: a.mediaType,
            content: a.content,
          })),
          headers: { "Content-Language": email.language, "X-Encours-Outbox-Id": String(email.outboxId) },
        });
        return { providerMessageId: info.messageId };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500 && code < 600) {
          throw new PermanentDeliveryError((error as Error).message);
        }
        throw error;
      }
    },
    async close() {
      transporter.close();
    },
  };
}
