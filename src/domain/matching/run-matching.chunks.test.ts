import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import { runMatching } from "./run-matching";

/**
 * A run over more lines than one chunk (2,000) and than the key directory's threshold (5,000): 300
 * customers with 20 invoices each; 5,100 lines each paying one invoice in full by its number, and 100
 * invoices paid in two halves announced as partial, the first half early in the file, the second in a
 * later chunk. Every line must be matched, every invoice paid once, nothing allocated twice.
 */
let handle: DatabaseHandle;
let companyId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  companyId = (await makeCompany(handle.db, { code: "FR" })).id;
  const db = handle.db;
  await db.execute(sql`
    insert into customer (company_id, external_ref, name, currency)
    select ${companyId}, 'C' || g, 'Client ' || g || ' Industries', 'EUR' from generate_series(1, 300) g`);
  await db.execute(sql`
    insert into invoice (company_id, customer_id, external_ref, number, type, issue_date, due_date, amount_minor,
      open_amount_minor, currency)
    select ${companyId}, c.id, 'I' || g, 'FA-' || lpad(g::text, 6, '0'), 'invoice', '2026-01-01', '2026-02-01',
      10000 + g, 10000 + g, 'EUR'
    from generate_series(1, 6000) g
    join customer c on c.company_id = ${companyId} and c.external_ref = 'C' || (1 + (g - 1) % 300)`);
  const statement = await db.execute<{ id: number }>(sql`
    insert into bank_statement (company_id, format, reference, currency, file_name)
    values (${companyId}, 'camt', 'CHUNKS', 'EUR', 'chunks.xml') returning id::float8 as id`);
  const statementId = Number(statement.rows[0]?.id);
  // Lines 1-100: first halves of invoices 5901-6000; 101-5200: invoices 1-5100 in full; 5201-5300: second halves.
  await db.execute(sql`
    insert into bank_line (company_id, statement_id, fingerprint, booking_date, amount_minor, currency,
      counterparty_name, remittance_text)
    select ${companyId}, ${statementId}, 'chunks-' || n, '2026-03-01', amount, 'EUR', payer, text
    from (
      select n, (10000 + 5900 + n) / 2 as amount, 'Client ' || (1 + (5900 + n - 1) % 300) || ' Industries' as payer,
        'Acompte facture FA-' || lpad((5900 + n)::text, 6, '0') as text
      from generate_series(1, 100) n
      union all
      select 100 + g, 10000 + g, 'Client ' || (1 + (g - 1) % 300) || ' Industries',
        'Virement facture FA-' || lpad(g::text, 6, '0')
      from generate_series(1, 5100) g
      union all
      select 5200 + n, (10000 + 5900 + n) - (10000 + 5900 + n) / 2, 'Client ' || (1 + (5900 + n - 1) % 300) || ' Industries',
        'Solde facture FA-' || lpad((5900 + n)::text, 6, '0')
      from generate_series(1, 100) n
    ) l(n, amount, payer, text)
    order by n`);
});
afterAll(async () => {
  await handle?.close();
});

describe("a matching run over several chunks", () => {
  it("matches every line, pays every invoice once, partial payments across chunks included", async () => {
    const result = await runMatching(
      { db: handle.db, clock: fixedClock("2026-03-02T20:00:00Z") },
      { companyId },
    );
    expect(result).toMatchObject({ lines: 5300, matched: 5300, suggested: 0, unmatched: 0, unapplied: 0 });
    const state = await handle.db.execute<{ status: string; n: number; open: string }>(sql`
      select status, count(*)::int as n, sum(open_amount_minor)::text as open from invoice
      where company_id = ${companyId} and (number <= 'FA-005100' or number > 'FA-005900')
      group by status order by status`);
    expect(state.rows).toEqual([{ status: "paid", n: 5200, open: "0" }]);
    const twice = await handle.db.execute<{ n: number }>(sql`
      select count(*)::int as n from (
        select i.id from invoice i join payment_allocation a on a.invoice_id = i.id
        group by i.id having sum(a.amount_minor) <> max(i.amount_minor)) x`);
    expect(twice.rows[0]?.n).toBe(0);
    const timeline = await handle.db.execute<{ summary: string }>(sql`
      select summary from activity where type = 'payment_matched' and data->>'lineId' = (
        select id::text from bank_line where fingerprint = 'chunks-101')`);
    expect(timeline.rows.map((r) => r.summary)).toEqual(["Bank payment of 100.01 EUR matched to FA-000001"]);
  });
});
