import { sql } from "drizzle-orm";
import { char, integer, pgTable, smallint, text, uniqueIndex } from "drizzle-orm/pg-core";
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
    /** Dunning settings: minimum days between two customer messages, catch-up mode, send window, working days. */
    dunningMinGapDays: integer("dunning_min_gap_days").notNull().default(3),
    dunningCatchUp: text("dunning_catch_up").notNull().default("latest"),
    sendWindowStart: text("send_window_start").notNull().default("08:00"),
    sendWindowEnd: text("send_window_end").notNull().default("18:00"),
    /** ISO weekdays (1 = Monday) on which customer messages go out. */
    workingDays: smallint("working_days").array().notNull().default(sql`'{1,2,3,4,5}'::smallint[]`),
    promiseGraceDays: integer("promise_grace_days").notNull().default(3),
    /** Matching: a proposal scoring at least this (0–100) is applied without a human. */
    matchingAutoThreshold: integer("matching_auto_threshold").notNull().default(90),
    /** Matching: the largest difference written off, in major units of the company currency. */
    matchingWriteOffTolerance: text("matching_write_off_tolerance").notNull().default("1.00"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("company_code_key").on(t.code)],
);
