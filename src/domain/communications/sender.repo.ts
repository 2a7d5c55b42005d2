import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";

/** The company's sender identity (name and address) for the From header. */
export async function findSender(
  q: Queryable,
  companyId: number,
): Promise<{ name: string; email: string | null } | null> {
  const result = await q.execute<{ name: string; email: string | null }>(
    sql`select coalesce(sender_name, name) as name, sender_email as email from company where id = ${companyId}`,
  );
  return result.rows[0] ?? null;
}

/** The company a (visible, hence existing) customer belongs to. */
export async function findCustomerCompany(q: Queryable, customerId: number): Promise<number> {
  const result = await q.execute<{ company_id: number }>(
    sql`select company_id from customer where id = ${customerId}`,
  );
  return Number(result.rows[0]?.company_id);
}
