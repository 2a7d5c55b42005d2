import { char, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, currency, id, updatedAt } from "./columns";

export const company = pgTable(
  "company",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    country: char("country", { length: 2 }).notNull(),
    currency: currency().notNull(),
    timeZone: text("time_zone").notNull(),
    defaultLanguage: char("default_language", { length: 2 }).notNull(),
    legalId: text("legal_id"),
    vatId: text("vat_id"),
    iban: text("iban"),
    bic: text("bic"),
    addressLine1: text("address_line1"),
    addressLine2: text("address_line2"),
    postalCode: text("postal_code"),
    city: text("city"),
    phone: text("phone"),
    senderName: text("sender_name"),
    senderEmail: text("sender_email"),
    collectionEmail: text("collection_email"),
    legalMentions: text("legal_mentions"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("company_code_key").on(t.code)],
);
