import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";

/** Customers `c` of a company with their open totals `t` in their own currency, for the assignment SQL. */
function customersWithTotals(companyId: number, assignment: SQL, source: SQL): SQL {
  return sql`
    select c.id, c.external_ref, c.name, c.segment, ${assignment} as scenario_id, ${source} as source
    from customer c
    left join lateral (
      select sum(i.open_amount_minor) as open_total,
        max(i.amount_minor) filter (where i.type = 'invoice') as max_invoice
      from invoice i
      where i.customer_id = c.id and i.status = 'open' and i.currency = c.currency
    ) t on true
    where c.company_id = ${companyId}`;
}

/** How many customers each scenario covers today. */
export async function countCoverage(
  db: Queryable,
  companyId: number,
  assignment: SQL,
  source: SQL,
): Promise<Map<number, number>> {
  const result = await db.execute<{ scenario_id: number | null; n: number }>(sql`
    select scenario_id, count(*)::int as n from (${customersWithTotals(companyId, assignment, source)}) x
    group by scenario_id`);
  return new Map(result.rows.filter((r) => r.scenario_id !== null).map((r) => [Number(r.scenario_id), r.n]));
}

export type CoveredCustomerRow = {
  id: number;
  external_ref: string;
  name: string;
  segment: string | null;
  source: string;
  scenario_id: number | null;
};

/** The customers one scenario covers (or one customer, to say which scenario it has and why). */
export async function listCoverage(
  db: Queryable,
  options: {
    companyId: number;
    assignment: SQL;
    source: SQL;
    scenarioId?: number;
    customerId?: number;
    page: number;
    pageSize: number;
  },
): Promise<{ rows: CoveredCustomerRow[]; total: number }> {
  const filters: SQL[] = [];
  if (options.scenarioId !== undefined) filters.push(sql`x.scenario_id = ${options.scenarioId}`);
  if (options.customerId !== undefined) filters.push(sql`x.id = ${options.customerId}`);
  const where = filters.length === 0 ? sql`true` : sql.join(filters, sql` and `);
  const base = customersWithTotals(options.companyId, options.assignment, options.source);
  const result = await db.execute<CoveredCustomerRow & { total: number }>(sql`
    select x.*, count(*) over ()::int as total from (${base}) x
    where ${where}
    order by x.name, x.id
    limit ${options.pageSize} offset ${(options.page - 1) * options.pageSize}`);
  return { rows: result.rows, total: result.rows[0]?.total ?? 0 };
}
