import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";

/** The company a (visible, hence existing) customer belongs to. */
export async function findCustomerCompany(q: Queryable, customerId: number): Promise<number> {
  const result = await q.execute<{ company_id: number }>(
    sql`select company_id from customer where id = ${customerId}`,
  );
  return Number(result.rows[0]?.company_id);
}
