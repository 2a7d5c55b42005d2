import { boolean, customType, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, day, id, instant, ref } from "./columns";
import { company } from "./companies";
import { appUser } from "./users";

/**
 * A company's own version of a message template (per code, language and channel). The shipped
 * defaults live in code; a row overrides them. Saving writes a new version, so the history stays:
 * the current template is the highest version.
 */
export const messageTemplate = pgTable(
  "message_template",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    /** The `template` of a scenario action, e.g. "standard.d+7". */
    code: text("code").notNull(),
    language: text("language").notNull(),
    channel: text("channel").notNull(),
    version: integer("version").notNull(),
    subject: text("subject").notNull().default(""),
    html: text("html").notNull().default(""),
    text: text("text").notNull(),
    comment: text("comment"),
    updatedById: ref("updated_by").references(() => appUser.id),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("message_template_version_key").on(t.companyId, t.code, t.language, t.channel, t.version),
    index("message_template_company_idx").on(t.companyId),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * A letter produced as PDF (a dunning step's letter, a formal notice, an account statement): kept so
 * that the day's print batch can be assembled and the letter read again from the timeline.
 * `postal_reference` is the postal provider's id when it was sent by API; null = to be printed.
 */
export const letterDocument = pgTable(
  "letter_document",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    customerId: ref("customer_id").notNull(),
    /** The outbox row it was produced for; null for a statement downloaded by hand. */
    outboxId: ref("outbox_id"),
    /** letter, formal_notice or statement. */
    kind: text("kind").notNull(),
    letterDate: day("letter_date").notNull(),
    language: text("language").notNull(),
    fileName: text("file_name").notNull(),
    pages: integer("pages").notNull(),
    isRegistered: boolean("is_registered").notNull().default(false),
    postalReference: text("postal_reference"),
    content: bytea("content").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("letter_document_outbox_key").on(t.outboxId),
    index("letter_document_day_idx").on(t.companyId, t.letterDate),
  ],
);
