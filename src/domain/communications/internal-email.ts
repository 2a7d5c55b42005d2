import { z } from "zod";
import type { Tx } from "../../db/client";
import { DecimalString, IsoDateSchema, LanguageCode } from "../../shared/schemas";
import type { DisputeFacts } from "./message-variables";
import type { ClaimedMessage } from "./outbox.repo";
import { insertOutboxMessage } from "./outbox.repo";

/** The template of the email that tells a person a dispute is theirs to handle. */
export const DISPUTE_OWNER_TEMPLATE = "internal.dispute";

const DisputeFactsPayload = z.object({
  reason: z.object({ fr: z.string(), en: z.string() }),
  invoices: z.array(z.object({ number: z.string(), amount: DecimalString, currency: z.string() })),
  deadline: IsoDateSchema.nullable(),
  note: z.string().nullable(),
  openedBy: z.string().nullable(),
});

export type InternalEmail = {
  companyId: number;
  customerId: number;
  /** One address, or several separated by commas. */
  recipient: string;
  /** The recipient's language (a user's own); the company's when absent. */
  language: LanguageCode | null;
  template: string;
  now: Date;
  dispute?: DisputeFacts;
};

/**
 * Queues an internal email in the caller's transaction: the outbox worker renders it from the company's
 * template (or the shipped one) and delivers it like any other message, on the customer's timeline.
 */
export async function queueInternalEmail(tx: Tx, email: InternalEmail): Promise<number> {
  return insertOutboxMessage(tx, {
    companyId: email.companyId,
    customerId: email.customerId,
    channel: "email",
    recipient: email.recipient,
    notBefore: email.now,
    payload: {
      type: "internal_email",
      template: email.template,
      ...(email.language ? { language: email.language } : {}),
      ...(email.dispute ? { dispute: email.dispute } : {}),
    },
  });
}

/** What a queued internal email carries besides its template: its language and dispute, when valid. */
export function internalEmailExtras(payload: ClaimedMessage["payload"]): {
  language?: LanguageCode;
  dispute?: DisputeFacts;
} {
  const language = LanguageCode.safeParse(payload.language);
  const dispute = DisputeFactsPayload.safeParse(payload.dispute);
  return {
    ...(language.success ? { language: language.data } : {}),
    ...(dispute.success ? { dispute: dispute.data } : {}),
  };
}
