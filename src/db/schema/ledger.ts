import { sql } from "drizzle-orm";
import { check, index, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, currency, day, id, instant, minor, ref, updatedAt } from "./columns";
import { company } from "./companies";
import { customer } from "./customers";
import { appUser } from "./users";

export const invoiceType = pgEnum("invoice_type", ["invoice", "credit_note"]);
/** open: something is still owed; paid: settled by allocations; closed: ended another way (see closed_reason). */
export const invoiceStatus = pgEnum("invoice_status", ["open", "paid", "closed"]);

export const invoice = pgTable(
  "invoice",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customer.id),
    externalRef: text("external_ref").notNull(),
    number: text("number").notNull(),
    type: invoiceType("type").notNull().default("invoice"),
    issueDate: day("issue_date").notNull(),
    dueDate: day("due_date").notNull(),
    /** Credit notes carry negative amounts, so that sums net them against invoices. */
    amountMinor: minor("amount_minor").notNull(),
    openAmountMinor: minor("open_amount_minor").notNull(),
    currency: currency().notNull(),
    status: invoiceStatus("status").notNull().default("open"),
    closedReason: text("closed_reason"),
    closedAt: instant("closed_at"),
    poNumber: text("po_number"),
    /** Structured or free payment reference the customer is asked to quote (RF, OGM…). */
    paymentReference: text("payment_reference"),
    documentUrl: text("document_url"),
    lastImportBatchId: ref("last_import_batch_id"),
    customFields: jsonb("custom_fields").$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("invoice_company_ref_key").on(t.companyId, t.externalRef),
    index("invoice_customer_idx").on(t.customerId, t.dueDate),
    index("invoice_open_idx").on(t.companyId, t.dueDate).where(sql`${t.status} = 'open'`),
    /**
     * A customer's open items with what its standing is computed from (the agenda, credit limits), read
     * from the index alone: a few entries per customer.
     */
    index("invoice_open_customer_idx")
      .on(t.customerId, t.currency, t.dueDate, t.type, t.openAmountMinor)
      .where(sql`${t.status} = 'open'`),
    index("invoice_number_idx").on(t.companyId, t.number),
    /**
     * Matching looks open items up by their number as a payer writes it: letters and digits only,
     * ASCII letters only uppercased (collation "C"), as `normalizeInvoiceNumber` does.
     */
    index("invoice_number_key_idx")
      .on(t.companyId, sql`regexp_replace(upper(${t.number} collate "C"), '[^A-Z0-9]+', '', 'g')`)
      .where(sql`${t.status} = 'open'`),
    index("invoice_reference_key_idx")
      .on(t.companyId, sql`regexp_replace(upper(${t.paymentReference} collate "C"), '[^A-Z0-9]+', '', 'g')`)
      .where(sql`${t.status} = 'open' and ${t.paymentReference} is not null`),
    index("invoice_open_amount_idx").on(t.companyId, t.openAmountMinor).where(sql`${t.status} = 'open'`),
    index("invoice_issue_date_idx").on(t.companyId, t.issueDate),
    check("invoice_open_within_amount", sql`abs(${t.openAmountMinor}) <= abs(${t.amountMinor})`),
  ],
);

export const paymentSource = pgEnum("payment_source", ["import", "bank", "manual", "demo"]);

export const payment = pgTable(
  "payment",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    customerId: ref("customer_id").references(() => customer.id),
    externalRef: text("external_ref").notNull(),
    paymentDate: day("payment_date").notNull(),
    amountMinor: minor("amount_minor").notNull(),
    /** The part of the payment not allocated to any invoice yet (unapplied cash). */
    unappliedMinor: minor("unapplied_minor").notNull(),
    currency: currency().notNull(),
    reference: text("reference"),
    method: text("method"),
    source: paymentSource("source").notNull().default("import"),
    /** Invoice the payer named in the file; used to allocate the payment when it arrives. */
    invoiceNumber: text("invoice_number"),
    lastImportBatchId: ref("last_import_batch_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("payment_company_ref_key").on(t.companyId, t.externalRef),
    index("payment_customer_idx").on(t.customerId, t.paymentDate),
    index("payment_date_idx").on(t.companyId, t.paymentDate),
  ],
);

export const allocationSource = pgEnum("allocation_source", ["import", "auto", "manual", "demo"]);

export const paymentAllocation = pgTable(
  "payment_allocation",
  {
    id: id(),
    paymentId: ref("payment_id")
      .notNull()
      .references(() => payment.id),
    invoiceId: ref("invoice_id")
      .notNull()
      .references(() => invoice.id),
    amountMinor: minor("amount_minor").notNull(),
    currency: currency().notNull(),
    allocationDate: day("allocation_date").notNull(),
    source: allocationSource("source").notNull(),
    createdById: ref("created_by_id").references(() => appUser.id),
    /** For allocations that come from the accounting (FEC lettering): makes re-imports idempotent. */
    externalKey: text("external_key"),
    /** The bank match that wrote it (matching undoes a match by reversing its allocations). */
    matchId: ref("match_id"),
    createdAt: createdAt(),
    reversedAt: instant("reversed_at"),
  },
  (t) => [
    index("allocation_payment_idx").on(t.paymentId),
    index("allocation_invoice_idx").on(t.invoiceId),
    uniqueIndex("allocation_external_key").on(t.externalKey),
    index("allocation_match_idx").on(t.matchId).where(sql`${t.matchId} is not null`),
  ],
);
