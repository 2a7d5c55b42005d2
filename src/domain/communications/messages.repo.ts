import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { customerScopeCondition } from "../customers/customers.scope";
import type { PortfolioScope } from "../users/users.rules";
import type { MessageQuery } from "./communications.schemas";
import { interruptedSql } from "./outbox.repo";

export type MessageRow = {
  id: number;
  company_id: number;
  customer_id: number | null;
  customer_name: string | null;
  channel: string;
  recipient: string | null;
  status: string;
  attempts: number;
  last_error: string | null;
  provider_message_id: string | null;
  not_before: Date;
  sent_at: Date | null;
  claimed_at: Date | null;
  is_interrupted: boolean;
  payload: Record<string, unknown>;
};

/** The messages' columns, with whether each delivery was interrupted (claimed before `interruptedBefore`). */
function selectRows(interruptedBefore: Date): SQL {
  return sql`
    select o.id, o.company_id, o.customer_id, customer.name as customer_name, o.channel, o.recipient, o.status,
      o.attempts, o.last_error, o.provider_message_id, o.not_before, o.sent_at, o.claimed_at,
      ${interruptedSql(interruptedBefore)} as is_interrupted, o.payload
    from outbox o left join customer on customer.id = o.customer_id`;
}

/** One outbox row, whoever's customer it is (the caller checks). */
export async function selectMessage(
  q: Queryable,
  id: number,
  interruptedBefore: Date,
): Promise<MessageRow | null> {
  const result = await q.execute<MessageRow>(sql`${selectRows(interruptedBefore)} where o.id = ${id}`);
  return result.rows[0] ?? null;
}

/** Rows without a customer only for "all"; others within the actor's portfolio. */
function portfolioFilter(scope: PortfolioScope): SQL {
  return scope.kind === "all" ? sql`true` : sql`customer.id is not null and ${customerScopeCondition(scope)}`;
}

/** Outbox rows, newest first, within the actor's portfolio. */
export async function selectMessages(
  q: Queryable,
  scope: PortfolioScope,
  query: MessageQuery,
  interruptedBefore: Date,
): Promise<MessageRow[]> {
  const customerFilter =
    query.customerId === undefined ? sql`true` : sql`o.customer_id = ${query.customerId}`;
  const statusFilter =
    query.status === undefined ? sql`true` : sql`o.status = ${query.status}::outbox_status`;
  const interrupted = interruptedSql(interruptedBefore);
  const interruptedFilter =
    query.interrupted === undefined ? sql`true` : query.interrupted ? interrupted : sql`not ${interrupted}`;
  const result = await q.execute<MessageRow>(sql`
    ${selectRows(interruptedBefore)}
    where ${customerFilter} and ${statusFilter} and ${interruptedFilter} and ${portfolioFilter(scope)}
    order by coalesce(o.sent_at, o.not_before) desc, o.id desc
    limit ${query.limit}`);
  return result.rows;
}

/**
 * How many deliveries were interrupted (claimed before `interruptedBefore` and still `sending`) within the
 * portfolio, of one customer when given: every one, whatever a list's limit.
 */
export async function countInterrupted(
  q: Queryable,
  scope: PortfolioScope,
  interruptedBefore: Date,
  customerId?: number,
): Promise<number> {
  const customerFilter = customerId === undefined ? sql`true` : sql`o.customer_id = ${customerId}`;
  const result = await q.execute<{ n: number }>(sql`
    select count(*)::int as n from outbox o left join customer on customer.id = o.customer_id
    where ${interruptedSql(interruptedBefore)} and ${customerFilter} and ${portfolioFilter(scope)}`);
  return result.rows[0]?.n ?? 0;
}
