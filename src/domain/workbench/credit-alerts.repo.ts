import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";

export type OverLimitRow = {
  customer_id: number;
  customer_name: string;
  collector_id: number | null;
  currency: string;
  exposure_minor: number;
  limit_minor: number;
};

/** Alerts about a customer's credit limit stay quiet this long after the last one. */
export const CREDIT_ALERT_QUIET_DAYS = 30;

/**
 * The customers of a company whose open items (in their currency, net of credit notes) exceed their credit
 * limit and who have had no credit-limit alert in the quiet period: one statement over the open items.
 */
export async function selectNewlyOverLimit(
  q: Queryable,
  options: { companyId: number; now: Date },
): Promise<OverLimitRow[]> {
  const result = await q.execute<OverLimitRow>(sql`
    select c.id as customer_id, c.name as customer_name, c.collector_id, c.currency,
      sum(i.open_amount_minor)::bigint as exposure_minor, c.credit_limit_minor as limit_minor
    from customer c
    join invoice i on i.customer_id = c.id and i.status = 'open' and i.currency = c.currency
    where c.company_id = ${options.companyId} and c.credit_limit_minor is not null
      and not exists (select 1 from alert a where a.customer_id = c.id and a.kind = 'credit_limit_exceeded'
        and a.created_at > ${options.now}::timestamptz - make_interval(days => ${CREDIT_ALERT_QUIET_DAYS}))
    group by c.id
    having sum(i.open_amount_minor) > c.credit_limit_minor
    order by c.id`);
  return result.rows;
}
