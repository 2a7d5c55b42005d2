import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, currency, day, id, instant, minor, ref, updatedAt } from "./columns";
import { company } from "./companies";
import { customer } from "./customers";
import { invoice } from "./ledger";
import { appUser } from "./users";

export const importStatus = pgEnum("import_status", [
  "running",
  "succeeded",
  "failed",
  "dry_run",
  "duplicate",
]);

/** One file (or API call) imported: who, when, what, and the outcome with every error. */
export const importBatch = pgTable(
  "import_batch",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull(),
    fileHash: text("file_hash").notNull(),
    status: importStatus("status").notNull().default("running"),
    dryRun: boolean("dry_run").notNull().default(false),
    snapshot: boolean("snapshot").notNull().default(false),
    rows: integer("rows").notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    closed: integer("closed").notNull().default(0),
    errorCount: integer("error_count").notNull().default(0),
    /** At most MAX_STORED_ERRORS; error_count has the full number. */
    errors: jsonb("errors").$type<unknown[]>().notNull().default([]),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdById: ref("created_by_id").references(() => appUser.id),
    createdAt: createdAt(),
    finishedAt: instant("finished_at"),
  },
  (t) => [
    index("import_batch_company_idx").on(t.companyId, t.createdAt),
    index("import_batch_hash_idx").on(t.companyId, t.kind, t.fileHash),
  ],
);

/** Parsed rows waiting to be applied in one transaction; deleted once the batch ends. */
export const importRow = pgTable(
  "import_row",
  {
    batchId: ref("batch_id")
      .notNull()
      .references(() => importBatch.id, { onDelete: "cascade" }),
    entity: text("entity").notNull(),
    line: integer("line").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index("import_row_batch_idx").on(t.batchId, t.entity)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** A document kept with an invoice: the e-invoice PDF or XML it was imported from. */
export const invoiceDocument = pgTable(
  "invoice_document",
  {
    id: id(),
    invoiceId: ref("invoice_id")
      .notNull()
      .references(() => invoice.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    importBatchId: ref("import_batch_id").references(() => importBatch.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("invoice_document_key").on(t.invoiceId, t.sha256)],
);

/** A supplier account of the company (FEC 401), linked to the customer when it is the same party. */
export const supplier = pgTable(
  "supplier",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    externalRef: text("external_ref").notNull(),
    name: text("name").notNull(),
    legalId: text("legal_id"),
    vatId: text("vat_id"),
    customerId: ref("customer_id").references(() => customer.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("supplier_company_ref_key").on(t.companyId, t.externalRef),
    index("supplier_customer_idx").on(t.customerId),
  ],
);

/** What the company owes a supplier (open payables), for the customer page's net position. */
export const payable = pgTable(
  "payable",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    supplierId: ref("supplier_id")
      .notNull()
      .references(() => supplier.id),
    externalRef: text("external_ref").notNull(),
    number: text("number").notNull(),
    docDate: day("doc_date").notNull(),
    dueDate: day("due_date"),
    amountMinor: minor("amount_minor").notNull(),
    openAmountMinor: minor("open_amount_minor").notNull(),
    currency: currency().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("payable_company_ref_key").on(t.companyId, t.externalRef),
    index("payable_supplier_idx").on(t.supplierId).where(sql`${t.openAmountMinor} <> 0`),
  ],
);

/** A saved column mapping for CSV/XLSX files that do not use the native columns. */
export const importMapping = pgTable(
  "import_mapping",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    columns: jsonb("columns").$type<Record<string, string>>().notNull(),
    dateFormat: text("date_format").notNull().default("auto"),
    decimalSeparator: text("decimal_separator").notNull().default("auto"),
    /** Bank exports only: the lines' currency when the file has no currency column. */
    currency: text("currency"),
    /** Bank exports only: the account the export is about, when the file does not say. */
    accountIban: text("account_iban"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("import_mapping_name_key").on(t.companyId, t.kind, sql`lower(${t.name})`)],
);
