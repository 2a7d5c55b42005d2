import { index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, instant, ref } from "./columns";
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
