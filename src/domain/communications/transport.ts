/** A file sent with an email (the statement PDF, an invoice's document). */
export type EmailAttachment = { fileName: string; mediaType: string; content: Buffer };

/** One email ready to leave. */
export type OutgoingEmail = {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  language: string;
  attachments?: EmailAttachment[];
  /** The outbox row, sent as a header so that replies and bounces can be traced back. */
  outboxId: number;
};

/** A permanent refusal (e.g. SMTP 5xx): retrying cannot help. */
export class PermanentDeliveryError extends Error {
  override name = "PermanentDeliveryError";
}

/** The port every email transport implements; the worker knows nothing else about delivery. */
export type EmailTransport = {
  /** "capture" keeps messages in Encours: they are not delivered to anyone. */
  kind: "smtp" | "capture";
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
  close(): Promise<void>;
};

/** The demo default: the rendered message stays in the outbox, clearly marked as not delivered. */
export function captureTransport(): EmailTransport {
  return {
    kind: "capture",
    async send(email) {
      return { providerMessageId: `capture:${email.outboxId}` };
    },
    async close() {},
  };
}
