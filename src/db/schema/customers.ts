import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  char,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, currency, id, minor, ref, updatedAt } from "./columns";
import { company } from "./companies";
import { dunningScenario } from "./dunning-scenarios";
import { appUser } from "./users";

export const customer = pgTable(
  "customer",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    externalRef: text("external_ref").notNull(),
    name: text("name").notNull(),
    segment: text("segment"),
    language: char("language", { length: 2 }),
    country: char("country", { length: 2 }),
    currency: currency().notNull(),
    email: text("email"),
    phone: text("phone"),
    addressLine1: text("address_line1"),
    addressLine2: text("address_line2"),
    postalCode: text("postal_code"),
    city: text("city"),
    paymentTerms: text("payment_terms"),
    creditLimitMinor: minor("credit_limit_minor"),
    riskClass: text("risk_class"),
    /** The group of companies the customer belongs to (customer_group.key), for a group credit limit. */
    groupKey: text("group_key"),
    isStrategic: boolean("is_strategic").notNull().default(false),
    collectorId: ref("collector_id").references(() => appUser.id),
    salesRepId: ref("sales_rep_id").references(() => appUser.id),
    legalId: text("legal_id"),
    vatId: text("vat_id"),
    /** transfer, direct_debit, cheque, card…: scenario steps can skip direct-debit customers. */
    paymentMethod: text("payment_method"),
    /** normal, credit_hold or litigation; set by people or by a scenario's status-change action. */
    accountStatus: text("account_status").notNull().default("normal"),
    /** Per-customer override of the assignment rules. */
    dunningScenarioId: ref("dunning_scenario_id").references((): AnyPgColumn => dunningScenario.id),
    customFields: jsonb("custom_fields").$type<Record<string, string>>().notNull().default({}),
    /** Fields a user edited in Encours: imports keep the local value of these. */
    locallyEdited: text("locally_edited").array().notNull().default(sql`'{}'::text[]`),
    lastImportBatchId: ref("last_import_batch_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("customer_company_ref_key").on(t.companyId, t.externalRef),
    index("customer_collector_idx").on(t.collectorId),
    index("customer_sales_rep_idx").on(t.salesRepId),
    index("customer_name_idx").on(t.companyId, sql`lower(${t.name})`),
    index("customer_group_idx").on(t.companyId, t.groupKey),
  ],
);

/** A group of companies (customers of one company sharing a key) with its own credit limit. */
export const customerGroup = pgTable(
  "customer_group",
  {
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    key: text("key").notNull(),
    name: text("name").notNull(),
    creditLimitMinor: minor("credit_limit_minor"),
    currency: currency().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.key] })],
);

export const contactChannel = pgEnum("contact_channel", ["email", "sms", "letter", "phone"]);

export const contact = pgTable(
  "contact",
  {
    id: id(),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customer.id, { onDelete: "cascade" }),
    externalRef: text("external_ref"),
    name: text("name").notNull(),
    role: text("role").notNull().default("accounts_payable"),
    email: text("email"),
    phone: text("phone"),
    language: char("language", { length: 2 }),
    preferredChannel: contactChannel("preferred_channel").notNull().default("email"),
    isPrimary: boolean("is_primary").notNull().default(false),
    locallyEdited: text("locally_edited").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("contact_customer_idx").on(t.customerId),
    uniqueIndex("contact_customer_ref_key").on(t.customerId, t.externalRef),
  ],
);
