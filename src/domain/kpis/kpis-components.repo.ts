import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import type { IsoDate } from "../../shared/dates";
import type { Grouping, KpiScope } from "./kpis.repo";
import { COUNTBACK_MONTHS, DEFAULT_PROMISE_GRACE_DAYS, periodOf, rollingMonth } from "./kpis.rules";
import {
  type ActivityRow,
  activityStatement,
  type PaymentRow,
  type PromiseRow,
  paymentsStatement,
  promisesStatement,
  type SalesRow,
  salesStatement,
} from "./kpis-flows.repo";
import { type StockRow, stockStatement } from "./kpis-stock.repo";

export type GroupKey = { currency: string; segmentKey: string; collectorKey: string };

/** Everything the KPIs of one key are derived from, amounts in minor units. */
export type KpiComponents = GroupKey & {
  stock: StockRow | null;
  sales: Map<number, SalesRow>;
  payments: PaymentRow | null;
  promises: PromiseRow | null;
  activity: ActivityRow | null;
};

type Part = "stock" | "sales" | "payments" | "promises" | "activity";
type KeyedRow = { currency: string; segment_key: string; collector_key: string };

export function keyOf(key: GroupKey): string {
  return `${key.currency.trim()}|${key.segmentKey}|${key.collectorKey}`;
}

/**
 * The components of every KPI as of `at` for the scope, grouped as asked, in ONE statement: the five
 * grouped queries (stock, sales per rolling month, payments, promises, activity) are sent together as a
 * UNION ALL of JSON rows, so a snapshot costs one round trip and PostgreSQL plans them as one.
 */
export async function selectComponents(
  q: Queryable,
  scope: KpiScope,
  at: IsoDate,
  grouping: Grouping,
): Promise<Map<string, KpiComponents>> {
  const period = periodOf(at);
  const windows = [
    { k: 0, window: period },
    ...Array.from({ length: COUNTBACK_MONTHS }, (_, i) => ({ k: i + 1, window: rollingMonth(at, i + 1) })),
  ];
  const parts: [Part, SQL][] = [
    ["stock", stockStatement(scope, at, period.after, grouping)],
    ["sales", salesStatement(scope, windows, grouping)],
    ["payments", paymentsStatement(scope, period, grouping)],
    ["promises", promisesStatement(scope, period, DEFAULT_PROMISE_GRACE_DAYS, grouping)],
    ["activity", activityStatement(scope, period, grouping)],
  ];
  const union = sql.join(
    parts.map(
      ([part, statement]) => sql`select ${part}::text as part, to_jsonb(x) as data from (${statement}) x`,
    ),
    sql` union all `,
  );
  const result = await q.execute<{ part: Part; data: KeyedRow & Record<string, unknown> }>(union);
  const byKey = new Map<string, KpiComponents>();
  const entryOf = (row: KeyedRow): KpiComponents => {
    const key = {
      currency: row.currency.trim(),
      segmentKey: row.segment_key,
      collectorKey: row.collector_key,
    };
    const found = byKey.get(keyOf(key));
    if (found) return found;
    const created: KpiComponents = {
      ...key,
      stock: null,
      sales: new Map(),
      payments: null,
      promises: null,
      activity: null,
    };
    byKey.set(keyOf(key), created);
    return created;
  };
  for (const { part, data } of result.rows) {
    const entry = entryOf(data);
    if (part === "sales") {
      const row = data as unknown as SalesRow;
      entry.sales.set(row.k, row);
    } else if (part === "stock") entry.stock = data as unknown as StockRow;
    else if (part === "payments") entry.payments = data as unknown as PaymentRow;
    else if (part === "promises") entry.promises = data as unknown as PromiseRow;
    else entry.activity = data as unknown as ActivityRow;
  }
  return byKey;
}
