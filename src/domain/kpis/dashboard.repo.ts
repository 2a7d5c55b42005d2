import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import type { IsoDate } from "../../shared/dates";
import { ALL_KEY, customerWhere, day, type KpiScope, localDate, openItems } from "./kpis.repo";
import { KpiReport } from "./kpis.schemas";
import type { GroupKey } from "./kpis-components.repo";

export type SnapshotKey = GroupKey & { companyId: number };

/**
 * For each target date, the latest snapshot of the key on or before it, at most `toleranceDays` older
 * (one indexed lookup per target on kpi_snapshot_key).
 */
export async function selectSnapshotsAt(
  q: Queryable,
  key: SnapshotKey,
  targets: IsoDate[],
  toleranceDays: number,
): Promise<Map<string, KpiReport>> {
  const list = sql.join(
    targets.map((t) => day(t)),
    sql`, `,
  );
  const result = await q.execute<{ target: string; figures: unknown }>(sql`
    select t.target::text as target, s.figures
    from unnest(array[${list}]) t(target)
    join lateral (
      select figures from kpi_snapshot
      where company_id = ${key.companyId} and currency = ${key.currency} and segment_key = ${key.segmentKey}
        and collector_key = ${key.collectorKey} and snapshot_date <= t.target
        and snapshot_date >= t.target - ${toleranceDays}::int
      order by snapshot_date desc limit 1
    ) s on true`);
  return new Map(result.rows.map((r) => [r.target, KpiReport.parse(r.figures)]));
}

/** The collectors' rows of one date (one per collector, '' for the customers without one). */
export async function selectLeague(
  q: Queryable,
  key: Omit<SnapshotKey, "collectorKey">,
  date: IsoDate,
): Promise<{ collectorKey: string; report: KpiReport }[]> {
  const result = await q.execute<{ collector_key: string; figures: unknown }>(sql`
    select collector_key, figures from kpi_snapshot
    where company_id = ${key.companyId} and snapshot_date = ${day(date)} and currency = ${key.currency}
      and segment_key = ${key.segmentKey} and collector_key <> ${ALL_KEY}
    order by receivables_minor desc`);
  return result.rows.map((r) => ({ collectorKey: r.collector_key, report: KpiReport.parse(r.figures) }));
}

export type TopOverdueRow = {
  customer_id: number;
  name: string;
  external_ref: string;
  overdue: string;
  receivables: string;
  max_days: number;
};

/** The customers with the most overdue on `at`, rebuilt from the history like the KPIs. */
export async function selectTopOverdue(
  q: Queryable,
  scope: KpiScope,
  at: IsoDate,
  limit: number,
): Promise<TopOverdueRow[]> {
  const overdue = sql`(o.type = 'invoice' and o.due_date < ${day(at)} and o.open_minor <> 0)`;
  const result = await q.execute<TopOverdueRow>(sql`
    select c.id as customer_id, c.name, c.external_ref,
      coalesce(sum(o.open_minor) filter (where ${overdue}), 0)::text as overdue,
      sum(o.open_minor)::text as receivables,
      coalesce(max(${day(at)} - o.due_date) filter (where ${overdue}), 0)::int as max_days
    from ${openItems(scope, at, at)} o
    join customer c on c.id = o.customer_id
    group by c.id, c.name, c.external_ref
    having coalesce(sum(o.open_minor) filter (where ${overdue}), 0) > 0
    order by sum(o.open_minor) filter (where ${overdue}) desc, c.name limit ${limit}`);
  return result.rows;
}

export type DisputeBreakdownRow = { reason: string; age: string; count: number; amount: string };

/** Disputes live on `at`, by reason and by age (days since they were opened). */
export async function selectDisputeBreakdown(
  q: Queryable,
  scope: KpiScope & { currency: string },
  at: IsoDate,
): Promise<DisputeBreakdownRow[]> {
  const opened = localDate(sql`d.created_at`);
  const age: SQL = sql`case when ${day(at)} - ${opened} <= 30 then 'd0_30' when ${day(at)} - ${opened} <= 60
    then 'd31_60' when ${day(at)} - ${opened} <= 90 then 'd61_90' else 'd90plus' end`;
  const result = await q.execute<DisputeBreakdownRow>(sql`
    select d.reason, ${age} as age, count(*)::int as count, sum(d.amount_minor)::text as amount
    from dispute d
    join customer on customer.id = d.customer_id
    join company on company.id = d.company_id
    where ${customerWhere(scope)} and d.currency = ${scope.currency} and ${opened} <= ${day(at)}
      and coalesce(${localDate(sql`d.closed_at`)},
        case when d.status in ('open', 'under_review') then null else ${localDate(sql`d.updated_at`)} end,
        'infinity'::date) > ${day(at)}
    group by 1, 2 order by 1, 2`);
  return result.rows;
}
