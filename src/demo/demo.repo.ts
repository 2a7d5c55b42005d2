import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { decimalSql } from "../db/money-sql";
import { appUser, company } from "../db/schema";
import type {
  AllocationRow,
  Columns,
  ContactRow,
  CustomerRow,
  ImportActivityRow,
  InvoiceRow,
  PaymentActivityRow,
  PaymentRow,
} from "./demo.types";
import type { DemoCompany } from "./demo-companies";
import type { DemoUser } from "./demo-staff";

/**
 * The only SQL of the demo loader. Rows travel as one array per column and are expanded by
 * `unnest` on the server: one statement per table and chunk, whatever the number of rows.
 */

/**
 * A PostgreSQL array literal (`{1,NULL,"a \\"b\\""}`). Written here rather than left to the driver:
 * serialising millions of values is a good part of the loader's own CPU time, and these columns
 * only ever hold integers, booleans and strings.
 */
export function toArrayLiteral(values: readonly unknown[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) parts[i] = "NULL";
    else if (typeof value === "number") {
      if (!Number.isSafeInteger(value)) throw new RangeError(`Not an integer: ${value}`);
      parts[i] = String(value);
    } else if (typeof value === "boolean") parts[i] = value ? "t" : "f";
    else parts[i] = `"${String(value).replace(/["\\]/g, "\\$&")}"`;
  }
  return `{${parts.join(",")}}`;
}

/** `$1::bigint[], $2::text[], …`: one array parameter per column. */
function arrays(columns: ReadonlyArray<readonly [values: unknown[], type: string]>): SQL {
  return sql.join(
    columns.map(([values, type]) => sql`${toArrayLiteral(values)}::${sql.raw(type)}[]`),
    sql`, `,
  );
}

export async function isEmpty(q: Queryable): Promise<boolean> {
  const result = await q.execute<{ empty: boolean }>(sql`select not exists (select 1 from company)
    and not exists (select 1 from customer) and not exists (select 1 from invoice) as empty`);
  return result.rows[0]?.empty === true;
}

export async function insertCompanies(
  q: Queryable,
  rows: readonly DemoCompany[],
): Promise<{ id: number; code: string }[]> {
  return q
    .insert(company)
    .values([...rows])
    .returning({ id: company.id, code: company.code });
}

/** Existing accounts (same e-mail, any case) are kept as they are: their password is not ours to change. */
export async function insertUsersIfAbsent(
  q: Queryable,
  users: readonly DemoUser[],
  passwordHash: string,
): Promise<{ email: string }[]> {
  const values = users.map((user) => ({ ...user, passwordHash }));
  return q.insert(appUser).values(values).onConflictDoNothing().returning({ email: appUser.email });
}

export async function findUserIds(q: Queryable, emails: readonly string[]): Promise<Map<string, number>> {
  const lower = emails.map((email) => email.toLowerCase());
  const result = await q.execute<{ id: number; email: string }>(
    sql`select id, lower(email) as email from app_user where lower(email) = any(${sql.param(lower)}::text[])`,
  );
  return new Map(result.rows.map((row) => [row.email, Number(row.id)]));
}

export type IdSequences = { customer: string; invoice: string; payment: string };

/** The identity sequences behind the tables whose ids a chunk reserves. */
export async function findIdSequences(q: Queryable): Promise<IdSequences> {
  const result = await q.execute<IdSequences>(sql`select pg_get_serial_sequence('customer', 'id') as customer,
    pg_get_serial_sequence('invoice', 'id') as invoice, pg_get_serial_sequence('payment', 'id') as payment`);
  const row = result.rows[0];
  if (!row?.customer || !row.invoice || !row.payment)
    throw new Error("Identity sequences of customer/invoice/payment not found");
  return row;
}

/**
 * Takes ids from the identity sequences up front, so that a whole chunk (customers, their invoices,
 * payments and allocations) is linked in memory and written without reading anything back.
 * Values taken by nextval are never handed out twice, whatever other sessions do meanwhile.
 */
export async function reserveIds(
  q: Queryable,
  sequences: IdSequences,
  counts: { customers: number; invoices: number; payments: number },
): Promise<{ customers: number[]; invoices: number[]; payments: number[] }> {
  // The sequence name is cast to regclass once per statement, not once per row.
  const take = (sequence: string, count: number) =>
    sql`array(select nextval(${sequence}::regclass) from generate_series(1, ${count}::int))`;
  const result = await q.execute<{ customers: unknown[]; invoices: unknown[]; payments: unknown[] }>(
    sql`select ${take(sequences.customer, counts.customers)} as customers,
      ${take(sequences.invoice, counts.invoices)} as invoices, ${take(sequences.payment, counts.payments)} as payments`,
  );
  const row = result.rows[0];
  if (!row) throw new Error("reserveIds returned no row");
  // int8[] comes back as strings: the scalar bigint parser does not apply to arrays.
  return {
    customers: row.customers.map(Number),
    invoices: row.invoices.map(Number),
    payments: row.payments.map(Number),
  };
}

/**
 * The planner cannot estimate `unnest` and lateral sub-queries, overestimates their cost and
 * compiles them with JIT: hundreds of milliseconds per statement spent on code run once.
 */
export async function disableJit(q: Queryable): Promise<void> {
  await q.execute(sql`set local jit = off`);
}

export async function insertCustomers(
  q: Queryable,
  c: Columns<CustomerRow>,
  currency: string,
): Promise<void> {
  await q.execute(sql`insert into customer (id, company_id, external_ref, name, segment, language, country, email, phone,
      address_line1, address_line2, postal_code, city, payment_terms, credit_limit_minor, risk_class, is_strategic,
      collector_id, sales_rep_id, legal_id, vat_id, currency)
    overriding system value
    select u.*, ${currency} from unnest(${arrays([
      [c.id, "bigint"],
      [c.companyId, "bigint"],
      [c.externalRef, "text"],
      [c.name, "text"],
      [c.segment, "text"],
      [c.language, "text"],
      [c.country, "text"],
      [c.email, "text"],
      [c.phone, "text"],
      [c.addressLine1, "text"],
      [c.addressLine2, "text"],
      [c.postalCode, "text"],
      [c.city, "text"],
      [c.paymentTerms, "text"],
      [c.creditLimitMinor, "bigint"],
      [c.riskClass, "text"],
      [c.isStrategic, "boolean"],
      [c.collectorId, "bigint"],
      [c.salesRepId, "bigint"],
      [c.legalId, "text"],
      [c.vatId, "text"],
    ])}) as u`);
}

export async function insertContacts(q: Queryable, c: Columns<ContactRow>): Promise<void> {
  await q.execute(sql`insert into contact (customer_id, name, role, email, phone, language, preferred_channel, is_primary)
    select * from unnest(${arrays([
      [c.customerId, "bigint"],
      [c.name, "text"],
      [c.role, "text"],
      [c.email, "text"],
      [c.phone, "text"],
      [c.language, "text"],
      [c.preferredChannel, "contact_channel"],
      [c.isPrimary, "boolean"],
    ])})`);
}

export async function insertInvoices(q: Queryable, c: Columns<InvoiceRow>, currency: string): Promise<void> {
  // The ERP's document number doubles as the external reference: unique per company.
  await q.execute(sql`insert into invoice (id, company_id, customer_id, number, type, issue_date, due_date, amount_minor,
      open_amount_minor, status, po_number, custom_fields, external_ref, currency)
    overriding system value
    select u.*, u.number, ${currency} from unnest(${arrays([
      [c.id, "bigint"],
      [c.companyId, "bigint"],
      [c.customerId, "bigint"],
      [c.number, "text"],
      [c.type, "invoice_type"],
      [c.issueDate, "date"],
      [c.dueDate, "date"],
      [c.amountMinor, "bigint"],
      [c.openAmountMinor, "bigint"],
      [c.status, "invoice_status"],
      [c.poNumber, "text"],
      [c.customFields, "jsonb"],
    ])}) as u(id, company_id, customer_id, number)`);
}

export async function insertPayments(q: Queryable, c: Columns<PaymentRow>, currency: string): Promise<void> {
  await q.execute(sql`insert into payment (id, company_id, customer_id, external_ref, payment_date, amount_minor,
      unapplied_minor, reference, method, currency, source)
    overriding system value
    select u.*, ${currency}, 'demo'::payment_source from unnest(${arrays([
      [c.id, "bigint"],
      [c.companyId, "bigint"],
      [c.customerId, "bigint"],
      [c.externalRef, "text"],
      [c.paymentDate, "date"],
      [c.amountMinor, "bigint"],
      [c.unappliedMinor, "bigint"],
      [c.reference, "text"],
      [c.method, "text"],
    ])}) as u`);
}

export async function insertAllocations(
  q: Queryable,
  c: Columns<AllocationRow>,
  currency: string,
): Promise<void> {
  await q.execute(sql`insert into payment_allocation (payment_id, invoice_id, amount_minor, allocation_date, currency, source)
    select u.*, ${currency}, 'demo'::allocation_source from unnest(${arrays([
      [c.paymentId, "bigint"],
      [c.invoiceId, "bigint"],
      [c.amountMinor, "bigint"],
      [c.allocationDate, "date"],
    ])}) as u`);
}

export async function insertImportActivities(
  q: Queryable,
  c: Columns<ImportActivityRow>,
  at: Date,
): Promise<void> {
  await q.execute(sql`insert into activity (company_id, customer_id, type, occurred_at, summary, data)
    select u.company_id, u.customer_id, 'import', ${at.toISOString()}::timestamptz,
      'Demo data: ' || u.invoices || ' invoices and ' || u.payments || ' payments imported',
      jsonb_build_object('source', 'demo', 'invoices', u.invoices, 'creditNotes', u.credit_notes, 'payments', u.payments)
    from unnest(${arrays([
      [c.companyId, "bigint"],
      [c.customerId, "bigint"],
      [c.invoices, "int"],
      [c.creditNotes, "int"],
      [c.payments, "int"],
    ])}) as u(company_id, customer_id, invoices, credit_notes, payments)`);
}

/**
 * One timeline entry per payment, dated at noon UTC of the payment date so that it stays on that
 * day in every European time zone. The summary stays language-neutral; the web app renders `data`.
 */
export async function insertPaymentActivities(
  q: Queryable,
  c: Columns<PaymentActivityRow>,
  currency: string,
): Promise<void> {
  await q.execute(sql`insert into activity (company_id, customer_id, type, occurred_at, summary, data)
    select u.company_id, u.customer_id, 'payment', (u.payment_date + time '12:00') at time zone 'UTC',
      'Payment ' || u.amount || ' ' || ${currency}::text || ' received, ref ' || u.reference,
      jsonb_build_object('source', 'demo', 'paymentId', u.payment_id, 'amount', u.amount, 'currency', ${currency}::text,
        'reference', u.reference, 'method', u.method, 'invoiceNumbers', to_jsonb(string_to_array(u.invoice_numbers, ',')))
    from unnest(${arrays([
      [c.companyId, "bigint"],
      [c.customerId, "bigint"],
      [c.paymentId, "bigint"],
      [c.paymentDate, "date"],
      [c.amount, "text"],
      [c.reference, "text"],
      [c.method, "text"],
      [c.invoiceNumbers, "text"],
    ])}) as u(company_id, customer_id, payment_id, payment_date, amount, reference, method, invoice_numbers)`);
}

/** A customer the demo collector works on: its oldest overdue invoice and what it still owes (major units). */
export type DemoCandidate = { id: number; firstInvoiceId: number; firstOpen: string };

/**
 * The first customers, by id, of a collector that owe overdue invoices issued before `before` (so that work
 * dated back to then finds them), each with the oldest of them.
 */
export async function selectDemoCandidates(
  q: Queryable,
  options: { collectorId: number; before: string; today: string; limit: number },
): Promise<DemoCandidate[]> {
  const result = await q.execute<{ id: number; first_invoice_id: number; first_open: string }>(sql`
    select c.id, (array_agg(i.id order by i.due_date, i.id))[1] as first_invoice_id,
      (array_agg(${decimalSql("i.open_amount_minor", "i.currency")} order by i.due_date, i.id))[1] as first_open
    from customer c join invoice i on i.customer_id = c.id
    where c.collector_id = ${options.collectorId} and i.status = 'open' and i.type = 'invoice'
      and i.open_amount_minor > 0 and i.issue_date < ${options.before}::date and i.due_date < ${options.today}::date
    group by c.id order by c.id limit ${options.limit}`);
  return result.rows.map((r) => ({
    id: Number(r.id),
    firstInvoiceId: Number(r.first_invoice_id),
    firstOpen: r.first_open,
  }));
}
