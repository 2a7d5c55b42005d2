import { DomainError, notFound } from "../../shared/errors";
import { listMessages } from "../communications/list-messages";
import type { AppContext } from "../context";
import { decimal } from "../ledger/ledger.rules";
import type { Actor } from "../users/users.types";
import {
  type AgendaRow,
  type AgendaScope,
  findOwner,
  selectAgendaRows,
  selectSnoozedKeys,
} from "./agenda.repo";
import { type CustomerFactors, DEFAULT_PRIORITY_WEIGHTS, priorityScore } from "./agenda.rules";
import {
  AGENDA_KINDS,
  type Agenda,
  type AgendaItem,
  type AgendaKind,
  type AgendaQuery,
  type PriorityWeights,
  WINDOW_DAYS,
} from "./agenda.schemas";
import { selectWeights } from "./agenda-settings.repo";

/** Roles that may look at another collector's agenda. */
const MANAGING_ROLES = new Set(["admin", "credit_manager"]);
/** Delivery failures older than this leave the agenda (they stay on the messages page). */
const DELIVERY_DAYS = 30;

function factorsOf(row: AgendaRow): CustomerFactors {
  return {
    overdueMinor: row.overdue_minor,
    currency: row.customer_currency,
    maxDaysPastDue: row.max_days,
    riskClass: row.risk_class,
    isStrategic: row.is_strategic,
    brokenPromises: row.broken,
    oldestDisputeDays: row.dispute_days,
  };
}

function bucketOf(date: string, today: string): AgendaItem["bucket"] {
  if (date < today) return "overdue";
  return date === today ? "today" : "upcoming";
}

async function resolveOwner(ctx: AppContext, actor: Actor, collectorId: number | undefined) {
  if (collectorId !== undefined && collectorId !== actor.userId && !MANAGING_ROLES.has(actor.role)) {
    throw new DomainError(
      "FORBIDDEN",
      "Only credit managers and administrators see another collector's agenda",
      {
        collectorId,
      },
    );
  }
  const ownerId = collectorId ?? actor.userId;
  if (ownerId === null) {
    throw new DomainError("VALIDATION", "Name the collector whose agenda to show (collectorId)", {
      issues: [{ field: "collectorId", message: "is required for an API token" }],
    });
  }
  const owner = await findOwner(ctx.db, ownerId);
  if (!owner) throw notFound("User", ownerId);
  return owner;
}

/** Messages to this person's customers that could not be delivered, as rows of the agenda's shape. */
async function deliveryRows(
  ctx: AppContext,
  scope: AgendaScope,
  known: { rows: AgendaRow[]; weights: Map<number, PriorityWeights> },
): Promise<AgendaItem[]> {
  const actor: Actor = {
    kind: "system",
    userId: scope.ownerId,
    role: scope.kind === "sales" ? "sales" : "collector",
    name: "agenda",
    language: "fr",
  };
  const [failed, bounced] = await Promise.all(
    (["failed", "bounced"] as const).map((status) => listMessages(ctx, actor, { status, limit: 200 })),
  );
  const today = ctx.clock.today("UTC");
  const since = new Date(ctx.clock.now().getTime() - DELIVERY_DAYS * 86_400_000).toISOString();
  const messages = [...(failed?.items ?? []), ...(bounced?.items ?? [])].filter(
    (m) => m.customer !== null && m.notBefore >= since,
  );
  const byCustomer = new Map(known.rows.map((r) => [r.customer_id, r]));
  const snoozed = await selectSnoozedKeys(ctx.db, {
    keys: messages.map((m) => `delivery_failed:${m.id}`),
    now: ctx.clock.now(),
  });
  return messages.flatMap((m) => {
    const key = `delivery_failed:${m.id}`;
    const customer = m.customer as { id: number; name: string };
    if (snoozed.has(key)) return [];
    const facts = byCustomer.get(customer.id);
    const weights = known.weights.get(m.companyId) ?? DEFAULT_PRIORITY_WEIGHTS;
    const scored = facts ? priorityScore(weights, factorsOf(facts)) : null;
    return [
      {
        key,
        kind: "delivery_failed" as const,
        date: m.notBefore.slice(0, 10),
        bucket: bucketOf(m.notBefore.slice(0, 10), facts?.today ?? today),
        customer: { id: customer.id, name: customer.name, externalRef: facts?.external_ref ?? "" },
        companyId: m.companyId,
        refId: m.id,
        label: m.recipient,
        detail: m.channel,
        amount: null,
        currency: null,
        limit: null,
        score: scored?.score ?? 0,
        explanation: scored?.explanation ?? [],
      },
    ];
  });
}

/**
 * A person's day: their tasks and the events of their customers that need a human, each scored with its
 * company's weights (the defaults until a credit manager saves some) and ordered by score, then date.
 */
export async function getAgenda(ctx: AppContext, actor: Actor, query: AgendaQuery): Promise<Agenda> {
  const owner = await resolveOwner(ctx, actor, query.collectorId);
  const scope: AgendaScope = { ownerId: owner.id, kind: owner.role === "sales" ? "sales" : "collector" };
  const now = ctx.clock.now();
  const rows = await selectAgendaRows(ctx.db, { scope, now, horizon: WINDOW_DAYS[query.window], q: query.q });
  const weights = await selectWeights(ctx.db, [...new Set(rows.map((r) => r.company_id))]);
  const items: AgendaItem[] = rows.map((row) => {
    const { score, explanation } = priorityScore(
      weights.get(row.company_id) ?? DEFAULT_PRIORITY_WEIGHTS,
      factorsOf(row),
    );
    return {
      key: `${row.kind}:${row.ref_id}`,
      kind: row.kind,
      date: row.date,
      bucket: bucketOf(row.date, row.today),
      customer: { id: row.customer_id, name: row.customer_name, externalRef: row.external_ref },
      companyId: row.company_id,
      refId: row.ref_id,
      label: row.label,
      detail: row.detail,
      amount: row.amount_minor === null || !row.currency ? null : decimal(row.amount_minor, row.currency),
      currency: row.currency,
      limit: row.limit_minor === null || !row.currency ? null : decimal(row.limit_minor, row.currency),
      score,
      explanation,
    };
  });
  if (query.kind === undefined || query.kind === "delivery_failed") {
    const failures = await deliveryRows(ctx, scope, { rows, weights });
    const needle = query.q?.toLowerCase();
    items.push(...failures.filter((f) => !needle || f.customer.name.toLowerCase().includes(needle)));
  }
  const kept = query.kind === undefined ? items : items.filter((i) => i.kind === query.kind);
  kept.sort((a, b) => b.score - a.score || a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
  const counts = Object.fromEntries(AGENDA_KINDS.map((k) => [k, 0])) as Record<AgendaKind, number>;
  for (const item of kept) counts[item.kind] += 1;
  return {
    owner: { id: owner.id, name: owner.name },
    today: rows[0]?.today ?? ctx.clock.today("UTC"),
    items: kept.slice(0, query.limit),
    counts,
    isTruncated: kept.length > query.limit,
  };
}
