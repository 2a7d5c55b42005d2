import { DomainError, notFound } from "../../shared/errors";
import type { AppContext } from "../context";
import { decimal } from "../ledger/ledger.rules";
import type { Actor } from "../users/users.types";
import { type AgendaRow, type AgendaScope, findOwner, selectAgendaRows } from "./agenda.repo";
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

/** Roles that may look at another collector's agenda. */
const MANAGING_ROLES = new Set(["admin", "credit_manager"]);

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
  // A signed-in person's own agenda: the session lookup has just read them, and found them active.
  if (actor.kind === "user" && ownerId === actor.userId)
    return { id: ownerId, name: actor.name, role: actor.role };
  const owner = await findOwner(ctx.db, ownerId);
  if (!owner) throw notFound("User", ownerId);
  return owner;
}

/**
 * A person's day: their tasks and the events of their customers that need a human, each scored with its
 * company's weights (the defaults until a credit manager saves some) and ordered by score, then date. The
 * statement ranks every item and returns those shown, which get their explanation here.
 */
export async function getAgenda(ctx: AppContext, actor: Actor, query: AgendaQuery): Promise<Agenda> {
  const owner = await resolveOwner(ctx, actor, query.collectorId);
  const scope: AgendaScope = { ownerId: owner.id, kind: owner.role === "sales" ? "sales" : "collector" };
  const rows = await selectAgendaRows(ctx.db, {
    scope,
    now: ctx.clock.now(),
    horizon: WINDOW_DAYS[query.window],
    q: query.q,
    kind: query.kind,
    limit: query.limit,
    defaults: DEFAULT_PRIORITY_WEIGHTS,
  });
  const counts = Object.fromEntries(AGENDA_KINDS.map((k) => [k, 0])) as Record<AgendaKind, number>;
  for (const [kind, count] of Object.entries(rows[0]?.counts ?? {})) counts[kind as AgendaKind] = count;
  return {
    owner: { id: owner.id, name: owner.name },
    today: rows[0]?.today ?? ctx.clock.today("UTC"),
    items: rows.map(itemOf),
    counts,
    isTruncated: (rows[0]?.total ?? 0) > rows.length,
  };
}

/** The weights the statement scored a row with: its company's, else the defaults. */
function weightsOf(row: AgendaRow): PriorityWeights {
  return {
    overdueAmount: row.w_overdue_amount,
    daysPastDue: row.w_days_past_due,
    riskClass: row.w_risk_class,
    strategic: row.w_strategic,
    brokenPromises: row.w_broken_promises,
    disputeAge: row.w_dispute_age,
  };
}

function itemOf(row: AgendaRow): AgendaItem {
  const { score, explanation } = priorityScore(weightsOf(row), factorsOf(row));
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
}
