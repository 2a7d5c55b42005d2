import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { arrayParam } from "../../db/sql-arrays";
import type { IsoDate } from "../../shared/dates";
import type { OpenItem } from "./engine/engine.types";

/** The normalization of numbers and references that the engine's keys are compared with (indexed). */
export const numberKey = sql.raw(`regexp_replace(upper(i.number collate "C"), '[^A-Z0-9]+', '', 'g')`);
export const referenceKey = sql.raw(
  `regexp_replace(upper(i.payment_reference collate "C"), '[^A-Z0-9]+', '', 'g')`,
);

export type TodoLine = {
  id: number;
  booking_date: IsoDate;
  amount_minor: number;
  currency: string;
  counterparty_name: string | null;
  counterparty_iban: string | null;
  structured_reference: string | null;
  remittance_text: string | null;
  payment_id: number | null;
  /** A match of this line was undone by a person: the run only suggests from then on. */
  was_undone: boolean;
};

/** Credit lines waiting for a match (unmatched or suggested), in id order from `afterId`. */
export async function selectTodoLines(
  q: Queryable,
  companyId: number,
  afterId: number,
  limit: number,
  lineIds?: number[],
): Promise<TodoLine[]> {
  const only = lineIds ? sql`and l.id = any(${arrayParam(lineIds)}::bigint[])` : sql``;
  const result = await q.execute<TodoLine>(sql`
    select l.id, l.booking_date::text as booking_date, l.amount_minor::float8 as amount_minor, l.currency,
      l.counterparty_name, l.counterparty_iban, l.structured_reference, l.remittance_text,
      l.payment_id::float8 as payment_id,
      exists (select 1 from bank_match m where m.line_id = l.id) as was_undone
    from bank_line l
    where l.company_id = ${companyId} and l.status in ('unmatched', 'suggested') and l.amount_minor > 0
      and not l.is_reversal and l.id > ${afterId} ${only}
    order by l.id limit ${limit}`);
  return result.rows.map((r) => ({ ...r, payment_id: r.payment_id === null ? null : Number(r.payment_id) }));
}

type ItemRow = {
  key: string;
  invoice_id: number;
  customer_id: number;
  number: string;
  type: "invoice" | "credit_note";
  issue_date: IsoDate;
  due_date: IsoDate;
  open_amount_minor: number;
  currency: string;
  payment_reference: string | null;
};

const ITEM_COLUMNS =
  sql.raw(`i.id::float8 as invoice_id, i.customer_id::float8 as customer_id, i.number, i.type,
  i.issue_date::text as issue_date, i.due_date::text as due_date, i.open_amount_minor::float8 as open_amount_minor,
  i.currency, i.payment_reference`);

export function toOpenItem(row: Omit<ItemRow, "key">): OpenItem {
  return {
    invoiceId: Number(row.invoice_id),
    customerId: Number(row.customer_id),
    number: row.number,
    type: row.type,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    openAmountMinor: Number(row.open_amount_minor),
    currency: row.currency,
    paymentReference: row.payment_reference,
  };
}

/** Open items whose normalized payment reference (`reference`) or number (`number`) is one of the keys. */
export async function selectItemsByKeys(
  q: Queryable,
  companyId: number,
  keys: string[],
  by: "reference" | "number",
): Promise<{ key: string; item: OpenItem }[]> {
  if (keys.length === 0) return [];
  const expression = by === "reference" ? referenceKey : numberKey;
  const notNull = by === "reference" ? sql`and i.payment_reference is not null` : sql``;
  const result = await q.execute<ItemRow>(sql`
    select k.key, ${ITEM_COLUMNS}
    from unnest(${arrayParam(keys)}::text[]) as k(key)
    join invoice i on i.company_id = ${companyId} and i.status = 'open' ${notNull} and ${expression} = k.key`);
  return result.rows.map((row) => ({ key: row.key, item: toOpenItem(row) }));
}

/** Open items by id (what the key directory pointed to). */
export async function selectItemsByIds(q: Queryable, companyId: number, ids: number[]): Promise<OpenItem[]> {
  if (ids.length === 0) return [];
  const result = await q.execute<ItemRow>(sql`
    select '' as key, ${ITEM_COLUMNS} from invoice i
    where i.id = any(${arrayParam(ids)}::bigint[]) and i.company_id = ${companyId} and i.status = 'open'`);
  return result.rows.map(toOpenItem);
}

/**
 * Every open item's number and payment reference, for a large run: one scan instead of one index probe
 * per key of every line (a line yields up to 40 keys). The caller normalizes them (faster in the
 * application than `regexp_replace` row by row in the database).
 */
export async function selectOpenItemNumbers(
  q: Queryable,
  companyId: number,
): Promise<{ id: number; number: string; payment_reference: string | null }[]> {
  const result = await q.execute<{ id: number; number: string; payment_reference: string | null }>(sql`
    select i.id::float8 as id, i.number, i.payment_reference
    from invoice i where i.company_id = ${companyId} and i.status = 'open'`);
  return result.rows;
}

export async function countTodoLines(q: Queryable, companyId: number): Promise<number> {
  const result = await q.execute<{ n: number }>(sql`
    select count(*)::int as n from bank_line
    where company_id = ${companyId} and status in ('unmatched', 'suggested') and amount_minor > 0 and not is_reversal`);
  return result.rows[0]?.n ?? 0;
}

/** Customers known to pay from these IBANs (learned from earlier matches, or entered). */
export async function selectCustomersByIban(
  q: Queryable,
  companyId: number,
  ibans: string[],
): Promise<{ iban: string; customerId: number }[]> {
  if (ibans.length === 0) return [];
  const result = await q.execute<{ iban: string; customer_id: number }>(sql`
    select a.iban, a.customer_id::float8 as customer_id from customer_bank_account a
    where a.company_id = ${companyId} and a.iban = any(${arrayParam(ibans)}::text[])`);
  return result.rows.map((r) => ({ iban: r.iban, customerId: Number(r.customer_id) }));
}

/** Every open item of these customers, oldest first. */
export async function selectOpenItems(
  q: Queryable,
  companyId: number,
  customerIds: number[],
): Promise<OpenItem[]> {
  if (customerIds.length === 0) return [];
  const result = await q.execute<ItemRow>(sql`
    select '' as key, ${ITEM_COLUMNS} from invoice i
    where i.customer_id = any(${arrayParam(customerIds)}::bigint[]) and i.company_id = ${companyId} and i.status = 'open'
    order by i.due_date, i.id`);
  return result.rows.map(toOpenItem);
}

/** Up to `perAmount` open items whose open amount equals each of the amounts (any customer). */
export async function selectItemsByAmount(
  q: Queryable,
  companyId: number,
  amounts: { amountMinor: number; currency: string }[],
  perAmount: number,
): Promise<OpenItem[]> {
  if (amounts.length === 0) return [];
  const result = await q.execute<ItemRow>(sql`
    select '' as key, ${ITEM_COLUMNS}
    from unnest(${arrayParam(amounts.map((a) => a.amountMinor))}::bigint[], ${arrayParam(amounts.map((a) => a.currency))}::text[]) as a(amount, currency)
    cross join lateral (
      select * from invoice i0 where i0.company_id = ${companyId} and i0.status = 'open'
        and i0.open_amount_minor = a.amount and i0.currency = a.currency
      order by i0.due_date, i0.id limit ${perAmount}
    ) i`);
  return result.rows.map(toOpenItem);
}

export async function selectCustomerNames(
  q: Queryable,
  companyId: number,
): Promise<{ customerId: number; name: string }[]> {
  const result = await q.execute<{ id: number; name: string }>(sql`
    select id::float8 as id, name from customer where company_id = ${companyId}`);
  return result.rows.map((r) => ({ customerId: Number(r.id), name: r.name }));
}

export type MatchingCompany = {
  id: number;
  currency: string;
  auto_threshold: number;
  write_off_tolerance: string;
};

export async function selectMatchingCompanies(q: Queryable, companyId?: number): Promise<MatchingCompany[]> {
  const only = companyId === undefined ? sql`` : sql`where id = ${companyId}`;
  const result = await q.execute<MatchingCompany>(sql`
    select id::float8 as id, currency, matching_auto_threshold as auto_threshold,
      matching_write_off_tolerance as write_off_tolerance
    from company ${only} order by id`);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}
