import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";

export type BouncedEmail = {
  id: number;
  company_id: number;
  customer_id: number | null;
  recipient: string | null;
  status: string;
  template: string | null;
};

/**
 * The email a bounce is about: by outbox id when the report carries Encours's header, else by the
 * Message-ID the transport returned (with or without its angle brackets).
 */
export async function findBouncedEmail(
  q: Queryable,
  by: { outboxId: number | null; messageId: string | null },
): Promise<BouncedEmail | null> {
  const bare = by.messageId?.trim().replace(/^<|>$/g, "") ?? null;
  const result = await q.execute<BouncedEmail>(sql`
    select id::float8 as id, company_id::float8 as company_id, customer_id::float8 as customer_id, recipient,
      status::text as status, payload->>'template' as template
    from outbox
    where channel = 'email' and (
      id = ${by.outboxId ?? -1}::bigint
      or (${bare}::text is not null and provider_message_id in (${bare}, '<' || ${bare} || '>')))
    order by (id = ${by.outboxId ?? -1}::bigint) desc
    limit 1`);
  const row = result.rows[0];
  return row
    ? {
        ...row,
        id: Number(row.id),
        company_id: Number(row.company_id),
        customer_id: row.customer_id === null ? null : Number(row.customer_id),
      }
    : null;
}

/** Sent → bounced, with the reason; false when another report got there first. */
export async function markBounced(q: Queryable, id: number, reason: string): Promise<boolean> {
  const result = await q.execute(sql`
    update outbox set status = 'bounced', last_error = ${reason} where id = ${id} and status = 'sent' returning id`);
  return result.rows.length > 0;
}
