import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { appUser, company, importBatch } from "../../db/schema";
import type {
  ImportBatchDetail,
  ImportBatchListQuery,
  ImportBatchSummary,
  ImportError,
} from "./imports.schemas";

export type BatchRow = typeof importBatch.$inferSelect;

export async function insertBatch(q: Queryable, values: typeof importBatch.$inferInsert): Promise<number> {
  const rows = await q.insert(importBatch).values(values).returning({ id: importBatch.id });
  return rows[0]!.id;
}

export async function finishBatch(
  q: Queryable,
  id: number,
  values: Partial<typeof importBatch.$inferInsert>,
): Promise<void> {
  await q.update(importBatch).set(values).where(eq(importBatch.id, id));
}

/** The latest batch that changed data for this company and kind: a file identical to it changes nothing. */
export async function findLastApplied(q: Queryable, companyId: number, kind: string) {
  const rows = await q
    .select({
      id: importBatch.id,
      fileHash: importBatch.fileHash,
      snapshot: importBatch.snapshot,
      rows: importBatch.rows,
    })
    .from(importBatch)
    .where(
      and(
        eq(importBatch.companyId, companyId),
        eq(importBatch.kind, kind),
        sql`${importBatch.status} in ('succeeded', 'duplicate')`,
      ),
    )
    .orderBy(desc(importBatch.id))
    .limit(1);
  return rows[0] ?? null;
}

/** A batch left `running` by a process that died: its staged rows are useless now. */
export async function failAbandonedBatches(q: Queryable, olderThanSeconds: number): Promise<void> {
  await q.execute(sql`
    with abandoned as (
      update import_batch set status = 'failed', finished_at = now(),
        errors = '[{"line":0,"column":"*","message":"the import was interrupted (process stopped); nothing was written"}]'::jsonb,
        error_count = 1
      where status = 'running' and created_at <= now() - make_interval(secs => ${olderThanSeconds}) returning id
    ) delete from import_row where batch_id in (select id from abandoned)`);
}

const summaryColumns = {
  id: importBatch.id,
  kind: importBatch.kind,
  companyId: company.id,
  companyCode: company.code,
  fileName: importBatch.fileName,
  fileHash: importBatch.fileHash,
  status: importBatch.status,
  dryRun: importBatch.dryRun,
  snapshot: importBatch.snapshot,
  rows: importBatch.rows,
  created: importBatch.created,
  updated: importBatch.updated,
  unchanged: importBatch.unchanged,
  closed: importBatch.closed,
  errorCount: importBatch.errorCount,
  createdById: importBatch.createdById,
  createdByName: appUser.name,
  createdAt: importBatch.createdAt,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: unknown } & Record<string, unknown>;

function toSummary(r: SummaryRow): ImportBatchSummary {
  return {
    id: r.id as number,
    kind: r.kind as ImportBatchSummary["kind"],
    company: { id: r.companyId as number, code: r.companyCode as string },
    fileName: r.fileName as string,
    fileHash: r.fileHash as string,
    status: r.status as ImportBatchSummary["status"],
    dryRun: r.dryRun as boolean,
    snapshot: r.snapshot as boolean,
    rows: r.rows as number,
    created: r.created as number,
    updated: r.updated as number,
    unchanged: r.unchanged as number,
    closed: r.closed as number,
    errorCount: r.errorCount as number,
    createdBy:
      r.createdById === null
        ? null
        : { id: r.createdById as number, name: (r.createdByName as string) ?? "" },
    createdAt: (r.createdAt as Date).toISOString(),
  };
}

export async function selectBatches(q: Queryable, query: ImportBatchListQuery) {
  const where = and(
    query.companyId === undefined ? undefined : eq(importBatch.companyId, query.companyId),
    query.kind === undefined ? undefined : eq(importBatch.kind, query.kind),
  );
  const rows = await q
    .select(summaryColumns)
    .from(importBatch)
    .innerJoin(company, eq(company.id, importBatch.companyId))
    .leftJoin(appUser, eq(appUser.id, importBatch.createdById))
    .where(where)
    .orderBy(desc(importBatch.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total = await q.select({ n: count() }).from(importBatch).where(where);
  return { items: rows.map(toSummary), total: total[0]?.n ?? 0 };
}

export async function findBatch(q: Queryable, id: number): Promise<ImportBatchDetail | null> {
  const rows = await q
    .select({ ...summaryColumns, errors: importBatch.errors, details: importBatch.details })
    .from(importBatch)
    .innerJoin(company, eq(company.id, importBatch.companyId))
    .leftJoin(appUser, eq(appUser.id, importBatch.createdById))
    .where(eq(importBatch.id, id));
  const row = rows[0];
  if (!row) return null;
  return {
    ...toSummary(row),
    errors: row.errors as ImportError[],
    details: row.details as ImportBatchDetail["details"],
  };
}
