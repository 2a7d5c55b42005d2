import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { decimalSql } from "../../db/money-sql";
import { arrayParam } from "../../db/sql-arrays";
import type { BankLineItem, BankLineQuery } from "./matching.schemas";

const LINE_COLUMNS = sql`l.id::float8 as id, l.company_id::float8 as company_id, l.statement_id::float8 as statement_id,
  l.account_iban, l.booking_date::text as booking_date, l.value_date::text as value_date,
  ${decimalSql("l.amount_minor", "l.currency")} as amount, l.amount_minor::float8 as amount_minor, l.currency,
  l.counterparty_name, l.counterparty_iban, l.structured_reference, l.remittance_text, l.bank_reference,
  l.is_reversal, l.status, l.score, l.end_to_end_id, l.return_reason,
  c.id::float8 as customer_id, c.name as customer_name, c.external_ref as customer_ref,
  (select count(*) from match_suggestion s where s.line_id = l.id)::int as suggestion_count`;

export type LineRow = {
  id: number;
  company_id: number;
  statement_id: number;
  account_iban: string | null;
  booking_date: string;
  value_date: string | null;
  amount: string;
  amount_minor: number;
  currency: string;
  counterparty_name: string | null;
  counterparty_iban: string | null;
  structured_reference: string | null;
  remittance_text: string | null;
  bank_reference: string | null;
  is_reversal: boolean;
  status: BankLineItem["status"];
  score: number | null;
  end_to_end_id: string | null;
  return_reason: string | null;
  customer_id: number | null;
  customer_name: string | null;
  customer_ref: string | null;
  suggestion_count: number;
};

export function toItem(row: LineRow): BankLineItem {
  return {
    id: Number(row.id),
    companyId: Number(row.company_id),
    statementId: Number(row.statement_id),
    accountIban: row.account_iban,
    bookingDate: row.booking_date,
    valueDate: row.value_date,
    amount: row.amount,
    currency: row.currency,
    counterpartyName: row.counterparty_name,
    counterpartyIban: row.counterparty_iban,
    structuredReference: row.structured_reference,
    remittanceText: row.remittance_text,
    bankReference: row.bank_reference,
    isReversal: row.is_reversal,
    status: row.status,
    customer:
      row.customer_id === null
        ? null
        : { id: Number(row.customer_id), name: row.customer_name ?? "", externalRef: row.customer_ref ?? "" },
    score: row.score,
    suggestionCount: row.suggestion_count,
  };
}

function conditions(query: BankLineQuery, minorOf: (text: string) => number): SQL {
  const parts: SQL[] = [sql`true`];
  if (query.companyId !== undefined) parts.push(sql`l.company_id = ${query.companyId}`);
  if (query.status === "todo") parts.push(sql`l.status in ('unmatched', 'suggested')`);
  else if (query.status !== "all") parts.push(sql`l.status = ${query.status}`);
  if (query.from) parts.push(sql`l.booking_date >= ${query.from}::date`);
  if (query.to) parts.push(sql`l.booking_date <= ${query.to}::date`);
  if (query.minAmount) parts.push(sql`l.amount_minor >= ${minorOf(query.minAmount)}`);
  if (query.maxAmount) parts.push(sql`l.amount_minor <= ${minorOf(query.maxAmount)}`);
  if (query.account) parts.push(sql`l.account_iban ilike ${`%${query.account.replace(/\s+/g, "")}%`}`);
  if (query.minScore !== undefined) parts.push(sql`l.score >= ${query.minScore}`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(l.counterparty_name ilike ${like} or l.remittance_text ilike ${like}
      or l.structured_reference ilike ${like} or l.bank_reference ilike ${like} or c.name ilike ${like})`);
  }
  return sql.join(parts, sql` and `);
}

const SORTS: Record<BankLineQuery["sort"], SQL> = {
  bookingDate: sql`l.booking_date`,
  amount: sql`l.amount_minor`,
  score: sql`l.score`,
};

export async function selectLines(
  q: Queryable,
  query: BankLineQuery,
  minorOf: (text: string) => number,
): Promise<{ rows: LineRow[]; total: number }> {
  const where = conditions(query, minorOf);
  const order = query.order === "desc" ? sql`desc nulls last` : sql`asc nulls last`;
  const result = await q.execute<LineRow>(sql`
    select ${LINE_COLUMNS} from bank_line l left join customer c on c.id = l.customer_id
    where ${where} order by ${SORTS[query.sort]} ${order}, l.id
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`);
  const count = await q.execute<{ total: number }>(sql`
    select count(*)::int as total from bank_line l left join customer c on c.id = l.customer_id where ${where}`);
  return { rows: result.rows, total: count.rows[0]?.total ?? 0 };
}

export async function selectLine(q: Queryable, lineId: number): Promise<LineRow | null> {
  const result = await q.execute<LineRow>(sql`
    select ${LINE_COLUMNS} from bank_line l left join customer c on c.id = l.customer_id where l.id = ${lineId}`);
  return result.rows[0] ?? null;
}

export type InvoiceFacts = {
  id: number;
  customer_id: number;
  number: string;
  type: "invoice" | "credit_note";
  due_date: string;
  open_amount_minor: number;
  currency: string;
  status: string;
};

export async function selectInvoiceFacts(q: Queryable, ids: number[]): Promise<Map<number, InvoiceFacts>> {
  if (ids.length === 0) return new Map();
  const result = await q.execute<InvoiceFacts>(sql`
    select id::float8 as id, customer_id::float8 as customer_id, number, type, due_date::text as due_date,
      open_amount_minor::float8 as open_amount_minor, currency, status
    from invoice where id = any(${arrayParam(ids)}::bigint[])`);
  return new Map(
    result.rows.map((r) => [Number(r.id), { ...r, id: Number(r.id), customer_id: Number(r.customer_id) }]),
  );
}

export async function selectCustomerRefs(
  q: Queryable,
  ids: number[],
): Promise<Map<number, { id: number; name: string; externalRef: string }>> {
  if (ids.length === 0) return new Map();
  const result = await q.execute<{ id: number; name: string; external_ref: string }>(sql`
    select id::float8 as id, name, external_ref from customer where id = any(${arrayParam(ids)}::bigint[])`);
  return new Map(
    result.rows.map((r) => [Number(r.id), { id: Number(r.id), name: r.name, externalRef: r.external_ref }]),
  );
}

export type MatchRow = {
  id: number;
  rule: string;
  score: number | null;
  customer_id: number;
  unapplied_minor: number;
  applied_by: string | null;
  applied_at: string;
  undone_at: string | null;
  undone_by: string | null;
  allocations: { invoiceId: number; amountMinor: number }[];
  write_off: { invoiceId: number; amountMinor: number; reason: string } | null;
};

export async function selectMatches(q: Queryable, lineId: number): Promise<MatchRow[]> {
  const result = await q.execute<MatchRow>(sql`
    select m.id::float8 as id, m.rule, m.score, m.customer_id::float8 as customer_id,
      m.unapplied_minor::float8 as unapplied_minor, a.name as applied_by, to_char(m.applied_at at time zone 'UTC',
      'YYYY-MM-DD"T"HH24:MI:SS"Z"') as applied_at,
      to_char(m.undone_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as undone_at, u.name as undone_by,
      coalesce((select jsonb_agg(jsonb_build_object('invoiceId', pa.invoice_id, 'amountMinor', pa.amount_minor)
        order by pa.id) from payment_allocation pa where pa.match_id = m.id), '[]'::jsonb) as allocations,
      (select jsonb_build_object('invoiceId', w.invoice_id, 'amountMinor', w.amount_minor, 'reason', w.reason)
        from invoice_write_off w where w.match_id = m.id limit 1) as write_off
    from bank_match m left join app_user a on a.id = m.applied_by_id left join app_user u on u.id = m.undone_by_id
    where m.line_id = ${lineId} order by m.applied_at desc, m.id desc`);
  return result.rows.map((r) => ({ ...r, id: Number(r.id), customer_id: Number(r.customer_id) }));
}
