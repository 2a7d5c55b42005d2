import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, currency, day, id, instant, minor, ref, updatedAt } from "./columns";
import { company } from "./companies";
import { customer } from "./customers";
import { invoice, payment } from "./ledger";
import { appUser } from "./users";

export const statementFormat = pgEnum("statement_format", ["camt", "mt940", "cfonb120", "csv"]);

/** One statement of one account as the bank sent it; a file may hold several. */
export const bankStatement = pgTable(
  "bank_statement",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    format: statementFormat("format").notNull(),
    reference: text("reference").notNull(),
    accountIban: text("account_iban"),
    accountNumber: text("account_number"),
    bic: text("bic"),
    currency: currency().notNull(),
    openingBalanceMinor: minor("opening_balance_minor"),
    closingBalanceMinor: minor("closing_balance_minor"),
    fromDate: day("from_date"),
    toDate: day("to_date"),
    fileName: text("file_name").notNull(),
    createdById: ref("created_by_id").references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [index("bank_statement_company_idx").on(t.companyId, t.createdAt)],
);

/**
 * unmatched: nobody identified (the suspense list); suggested: ranked proposals wait for a human;
 * matched: applied to open items; unapplied: the payer is known, the money waits on the customer;
 * ignored: not a customer's payment (fees, outgoing transfers) or set aside by a collector;
 * returned: a returned direct debit that reopened what it had paid.
 */
export const bankLineStatus = pgEnum("bank_line_status", [
  "unmatched",
  "suggested",
  "matched",
  "unapplied",
  "ignored",
  "returned",
]);

export const bankLine = pgTable(
  "bank_line",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    statementId: ref("statement_id")
      .notNull()
      .references(() => bankStatement.id),
    /** Account, dates, amount, bank reference and texts hashed: the same line imported twice is one line. */
    fingerprint: text("fingerprint").notNull(),
    accountIban: text("account_iban"),
    bookingDate: day("booking_date").notNull(),
    valueDate: day("value_date"),
    amountMinor: minor("amount_minor").notNull(),
    currency: currency().notNull(),
    counterpartyName: text("counterparty_name"),
    counterpartyIban: text("counterparty_iban"),
    structuredReference: text("structured_reference"),
    remittanceText: text("remittance_text"),
    bankReference: text("bank_reference"),
    endToEndId: text("end_to_end_id"),
    mandateId: text("mandate_id"),
    isReversal: boolean("is_reversal").notNull().default(false),
    returnReason: text("return_reason"),
    transactionCode: text("transaction_code"),
    status: bankLineStatus("status").notNull().default("unmatched"),
    /** The customer the money went to (matched, unapplied) or of the best suggestion. */
    customerId: ref("customer_id").references(() => customer.id),
    /** The payment this line became (created by matching, or the ERP's own payment it was recognised as). */
    paymentId: ref("payment_id").references(() => payment.id),
    score: integer("score"),
    ignoredReason: text("ignored_reason"),
    /** For a returned direct debit: the line whose payment it reversed. */
    returnedLineId: ref("returned_line_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("bank_line_fingerprint_key").on(t.companyId, t.fingerprint),
    index("bank_line_status_idx").on(t.companyId, t.status, t.bookingDate),
    index("bank_line_statement_idx").on(t.statementId),
    index("bank_line_payment_idx").on(t.paymentId),
  ],
);

/** Ranked proposals for a line the run could not apply; recomputed by every run. */
export const matchSuggestion = pgTable(
  "match_suggestion",
  {
    lineId: ref("line_id")
      .notNull()
      .references(() => bankLine.id),
    rank: integer("rank").notNull(),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customer.id),
    allocations: jsonb("allocations").$type<{ invoiceId: number; amountMinor: number }[]>().notNull(),
    writeOff: jsonb("write_off").$type<{ invoiceId: number; amountMinor: number; reason: string } | null>(),
    unappliedMinor: minor("unapplied_minor").notNull(),
    score: integer("score").notNull(),
    rule: text("rule").notNull(),
    reasons: jsonb("reasons").$type<{ code: string; values: Record<string, string | number> }[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.lineId, t.rank] }),
    index("match_suggestion_customer_idx").on(t.customerId),
  ],
);

/** A match applied to a line, automatically or by a person; undone, never deleted. */
export const bankMatch = pgTable(
  "bank_match",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    lineId: ref("line_id")
      .notNull()
      .references(() => bankLine.id),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customer.id),
    paymentId: ref("payment_id")
      .notNull()
      .references(() => payment.id),
    rule: text("rule").notNull(),
    score: integer("score"),
    reasons: jsonb("reasons").$type<{ code: string; values: Record<string, string | number> }[]>().notNull(),
    unappliedMinor: minor("unapplied_minor").notNull(),
    appliedById: ref("applied_by_id").references(() => appUser.id),
    appliedAt: instant("applied_at").notNull(),
    undoneAt: instant("undone_at"),
    undoneById: ref("undone_by_id").references(() => appUser.id),
    undoReason: text("undo_reason"),
  },
  (t) => [
    index("bank_match_line_idx").on(t.lineId),
    uniqueIndex("bank_match_live_key").on(t.lineId).where(sql`${t.undoneAt} is null`),
  ],
);

/** A small difference settled without money (bank fees, rounding), within the company's tolerance. */
export const invoiceWriteOff = pgTable(
  "invoice_write_off",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    invoiceId: ref("invoice_id")
      .notNull()
      .references(() => invoice.id),
    matchId: ref("match_id").references(() => bankMatch.id),
    amountMinor: minor("amount_minor").notNull(),
    currency: currency().notNull(),
    reason: text("reason").notNull(),
    createdById: ref("created_by_id").references(() => appUser.id),
    createdAt: createdAt(),
    reversedAt: instant("reversed_at"),
  },
  (t) => [
    index("invoice_write_off_invoice_idx").on(t.invoiceId),
    index("invoice_write_off_match_idx").on(t.matchId),
  ],
);

/** IBANs a customer pays from: learned from applied matches, or entered. */
export const customerBankAccount = pgTable(
  "customer_bank_account",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customer.id),
    iban: text("iban").notNull(),
    source: text("source").notNull(),
    learnedFromLineId: ref("learned_from_line_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("customer_bank_account_key").on(t.companyId, t.iban, t.customerId)],
);
