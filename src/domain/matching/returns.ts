import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { reverseMatch, selectLiveMatch } from "./undo.repo";

type ReturnLine = {
  id: number;
  booking_date: string;
  amount_minor: number;
  currency: string;
  end_to_end_id: string | null;
  mandate_id: string | null;
  counterparty_iban: string | null;
  return_reason: string | null;
};

/**
 * Returned direct debits (and reversed credits): each finds the line it takes back (same end-to-end id,
 * else same mandate, else same payer IBAN, with the opposite amount, booked before), undoes that line's
 * match so the invoices are owed again, and records the returned money as a negative payment of the
 * same customer. A return whose original cannot be found stays in the suspense list for a person.
 */
export async function processReturns(tx: Tx, companyId: number, now: Date): Promise<number> {
  const returns = await tx.execute<ReturnLine>(sql`
    select id::float8 as id, booking_date::text as booking_date, amount_minor::float8 as amount_minor, currency,
      end_to_end_id, mandate_id, counterparty_iban, return_reason
    from bank_line where company_id = ${companyId} and status = 'unmatched' and is_reversal and amount_minor < 0
    order by booking_date, id`);
  let count = 0;
  for (const line of returns.rows) {
    const original = await findOriginal(tx, companyId, line);
    if (original === null) continue;
    const match = await selectLiveMatch(tx, { lineId: original });
    if (!match) continue;
    await reverseMatch(tx, match, {
      actorId: null,
      reason: line.return_reason ? `returned, reason ${line.return_reason}` : "returned",
      now,
      keepCustomer: true,
      cause: "returned",
      returnCode: line.return_reason,
    });
    await tx.execute(sql`
      with returned as (
        insert into payment (company_id, customer_id, external_ref, payment_date, amount_minor, unapplied_minor, currency,
          reference, method, source)
        values (${companyId}, ${match.customer_id}, ${`bank:${line.id}`}, ${line.booking_date}::date, ${line.amount_minor},
          ${line.amount_minor}, ${line.currency}, ${line.return_reason}, 'direct_debit_return', 'bank')
        on conflict (company_id, external_ref) do update set customer_id = excluded.customer_id
        returning id
      )
      update bank_line set status = 'returned', customer_id = ${match.customer_id}, returned_line_id = ${original},
        payment_id = (select id from returned), updated_at = ${now}
      where id = ${line.id}`);
    await tx.execute(
      sql`update bank_line set status = 'returned', updated_at = ${now} where id = ${original}`,
    );
    count += 1;
  }
  return count;
}

async function findOriginal(tx: Tx, companyId: number, line: ReturnLine): Promise<number | null> {
  const result = await tx.execute<{ id: number }>(sql`
    select l.id::float8 as id from bank_line l
    where l.company_id = ${companyId} and l.status in ('matched', 'unapplied') and l.amount_minor = ${-line.amount_minor}
      and l.currency = ${line.currency} and l.booking_date <= ${line.booking_date}::date
      and ((l.end_to_end_id is not null and l.end_to_end_id = ${line.end_to_end_id})
        or (l.mandate_id is not null and l.mandate_id = ${line.mandate_id})
        or (l.counterparty_iban is not null and l.counterparty_iban = ${line.counterparty_iban}))
    order by (l.end_to_end_id is not distinct from ${line.end_to_end_id}) desc,
      (l.mandate_id is not distinct from ${line.mandate_id}) desc, l.booking_date desc, l.id desc
    limit 1`);
  const row = result.rows[0];
  return row ? Number(row.id) : null;
}

/** Outgoing money that is not a return (fees, transfers to suppliers) is not a customer's payment. */
export async function ignoreDebits(tx: Tx, companyId: number, now: Date): Promise<void> {
  await tx.execute(sql`
    update bank_line set status = 'ignored', ignored_reason = 'outgoing', updated_at = ${now}
    where company_id = ${companyId} and status = 'unmatched' and amount_minor < 0 and not is_reversal`);
}
