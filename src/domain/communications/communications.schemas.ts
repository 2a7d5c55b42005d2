import { z } from "zod";
import { IdParam, LanguageCode } from "../../shared/schemas";

/** Replies carry plain strings: a zod transform cannot be encoded in a reply (see dunning.schemas.ts). */
const ReplyInstant = z.string();

export const TEMPLATE_CHANNELS = ["email", "sms", "letter"] as const;
export const TemplateChannel = z.enum(TEMPLATE_CHANNELS);
export type TemplateChannel = z.infer<typeof TemplateChannel>;

export const TemplateCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9.+_-]{0,79}$/, "must be a template code such as standard.d+7");

export const TemplateKey = z.object({ code: TemplateCode, language: LanguageCode, channel: TemplateChannel });
export type TemplateKey = z.infer<typeof TemplateKey>;

export const CompanyQuery = z.object({ companyId: IdParam });

/** What a template is made of; `subject` and `html` are empty for SMS. */
export const TemplateBody = z.object({
  subject: z.string().max(500).default(""),
  html: z.string().max(200_000).default(""),
  text: z.string().min(1, "must not be empty").max(100_000),
});
export type TemplateBody = z.infer<typeof TemplateBody>;

export const SaveTemplateInput = TemplateBody.extend({
  comment: z.string().max(500).optional(),
  /** The version the editor opened; saving over a newer one is refused. */
  baseVersion: z.number().int().min(0).optional(),
});
export type SaveTemplateInput = z.infer<typeof SaveTemplateInput>;

export const Template = z.object({
  code: z.string(),
  language: LanguageCode,
  channel: TemplateChannel,
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  /** 0 = the shipped default; 1… = the company's saved versions. */
  version: z.number().int(),
  isShipped: z.boolean(),
  /** The shipped text is in another language (English) because none ships in this one. */
  isFallback: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: ReplyInstant.nullable(),
});
export type Template = z.infer<typeof Template>;

export const TemplateDetail = Template.extend({
  history: z.array(
    z.object({
      version: z.number().int(),
      updatedBy: z.string().nullable(),
      updatedAt: ReplyInstant,
      comment: z.string().nullable(),
    }),
  ),
});
export type TemplateDetail = z.infer<typeof TemplateDetail>;

export const TemplateList = z.object({ items: z.array(Template) });
export type TemplateList = z.infer<typeof TemplateList>;

export const PreviewInput = TemplateBody.extend({
  customerId: z.number().int().positive(),
  language: LanguageCode.optional(),
  /** A letter's preview also answers with the PDF. */
  channel: TemplateChannel.default("email"),
  /** The template's code: a formal notice's preview shows its registered-letter mention. */
  code: TemplateCode.optional(),
});
export type PreviewInput = z.infer<typeof PreviewInput>;

export const RenderedMessage = z.object({
  language: LanguageCode,
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  /** A letter's preview: the PDF in base64. */
  pdf: z.string().optional(),
});
export type RenderedMessage = z.infer<typeof RenderedMessage>;

export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed", "bounced", "cancelled"] as const;
export const OutboxStatus = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

export const MessageQuery = z.object({
  customerId: IdParam.optional(),
  status: OutboxStatus.optional(),
  /** Only the messages whose delivery was interrupted (`isInterrupted`). */
  interrupted: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type MessageQuery = z.infer<typeof MessageQuery>;

export const Message = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  customer: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  channel: z.string(),
  type: z.string().nullable(),
  template: z.string().nullable(),
  recipient: z.string().nullable(),
  status: OutboxStatus,
  /** Kept in Encours by the capture transport: not delivered to anyone. */
  isCaptured: z.boolean(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  notBefore: ReplyInstant,
  sentAt: ReplyInstant.nullable(),
  rendered: RenderedMessage.nullable(),
  /** A letter's PDF (`GET /api/letters/:id/pdf`), once produced. */
  letterId: z.number().int().nullable(),
  /** When a worker last claimed it for delivery. */
  claimedAt: ReplyInstant.nullable(),
  /**
   * Still `sending` an hour after its claim: the process died between sending and recording. It may have left;
   * a credit manager settles it (`POST /api/messages/:id/settle`).
   */
  isInterrupted: z.boolean(),
});
export type Message = z.infer<typeof Message>;

/**
 * How a credit manager settles an interrupted delivery, after looking at the mail server's or the provider's
 * log (emails carry `X-Encours-Outbox-Id`): `requeue` sends it again, `sent` records it as delivered,
 * `cancel` drops it (and its dunning action).
 */
export const SettleMessageInput = z.object({
  outcome: z.enum(["requeue", "sent", "cancel"]),
  note: z.string().trim().max(500).optional(),
});
export type SettleMessageInput = z.infer<typeof SettleMessageInput>;

export const MessageList = z.object({
  items: z.array(Message),
  /** How many interrupted deliveries the same portfolio (and customer) holds, beyond the list's limit too. */
  interrupted: z.number().int(),
});
export type MessageList = z.infer<typeof MessageList>;

/**
 * A bounce, as a mail provider's webhook reports it (or as Encours reads it from a bounce email): the
 * message by Encours's outbox id or the Message-ID it was sent with, and whether the failure is permanent.
 */
export const BounceInput = z
  .object({
    outboxId: z.number().int().positive().nullable().default(null),
    messageId: z.string().trim().min(1).max(998).nullable().default(null),
    recipient: z.string().trim().max(320).nullable().default(null),
    /** A hard bounce (no such mailbox, domain gone); false: the server will try again. */
    isPermanent: z.boolean().default(true),
    /** Enhanced status code, e.g. 5.1.1. */
    status: z.string().trim().max(20).nullable().default(null),
    reason: z.string().trim().max(1000).nullable().default(null),
  })
  .strict();
export type BounceInput = z.infer<typeof BounceInput>;

export const BounceResult = z.object({
  outboxId: z.number().int().nullable(),
  /** bounced: recorded now; already_bounced: an earlier report did; temporary: nothing to record. */
  outcome: z.enum(["bounced", "already_bounced", "temporary"]),
});
export type BounceResult = z.infer<typeof BounceResult>;

/** The command-line contract of `encours send`. */
export const SendResult = z.object({
  sent: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
});
export type SendResult = z.infer<typeof SendResult>;

// --- Letters (PDF) ---

export const LETTER_KINDS = ["letter", "formal_notice", "statement"] as const;

export const LetterQuery = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"),
  companyId: IdParam.optional(),
});
export type LetterQuery = z.infer<typeof LetterQuery>;

export const Letter = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  customer: z.object({ id: z.number().int(), name: z.string() }),
  outboxId: z.number().int().nullable(),
  kind: z.enum(LETTER_KINDS),
  letterDate: z.string(),
  language: z.string(),
  fileName: z.string(),
  pages: z.number().int(),
  isRegistered: z.boolean(),
  /** The postal provider's id; null = in the day's print batch. */
  postalReference: z.string().nullable(),
  createdAt: ReplyInstant,
});
export type Letter = z.infer<typeof Letter>;

export const LetterList = z.object({
  date: z.string(),
  items: z.array(Letter),
  /** Letters of the print batch and their pages (those not sent through a postal provider). */
  toPrint: z.number().int(),
  pagesToPrint: z.number().int(),
});
export type LetterList = z.infer<typeof LetterList>;

export const LetterIdParams = z.object({ id: IdParam });
export const StatementQuery = z.object({ language: LanguageCode.optional() });
