import { type SQL, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../../db/client";
import type { ImportIssue } from "../imports.types";

export type Entity = "customer" | "contact" | "invoice" | "payment" | "allocation" | "supplier" | "payable";
export type Counts = { created: number; updated: number; unchanged: number };
export type ApplyContext = {
  batchId: number;
  companyId: number;
  companyCode: string;
  fileName: string;
  now: Date;
  /** The invoices were staged in the temporary table of invoice-staging.ts, not in `import_row`. */
  invoicesTable?: boolean;
  /**
   * The file is the accounting's (FEC), whose lettering is the authority for the payments and invoices it
   * holds: a lettering it no longer shows is undone.
   */
  isLetteringAuthority?: boolean;
};
export type ApplyResult = Counts & { issues: ImportIssue[] };

/** Where checked records go as a file is read: `import_row`, or a COPY into a temporary table. */
export type StagingSink = {
  add(records: readonly { line: number }[]): Promise<void>;
  finish(): Promise<void>;
  /** The file is abandoned (it cannot be read to the end); never throws. */
  abort(): Promise<void>;
};

const CHUNK = 5000;

/** Stages into `import_row`, one statement per chunk of 5,000 records, each committed on its own. */
export function rowSink(q: Queryable, batchId: number, entity: Entity): StagingSink {
  let chunk: { line: number }[] = [];
  return {
    async add(records) {
      for (const record of records) chunk.push(record);
      if (chunk.length < CHUNK) return;
      const full = chunk;
      chunk = [];
      await stageRecords(q, batchId, entity, full);
    },
    async finish() {
      await stageRecords(q, batchId, entity, chunk);
      chunk = [];
    },
    async abort() {
      chunk = [];
    },
  };
}

/** Writes one chunk of parsed records into the staging table, one statement for the chunk. */
export async function stageRecords(
  q: Queryable,
  batchId: number,
  entity: Entity,
  records: readonly { line: number }[],
): Promise<void> {
  if (records.length === 0) return;
  // One JSON document per chunk: a single parameter, whatever the number of rows.
  await q.execute(sql`
    insert into import_row (batch_id, entity, line, data)
    select ${batchId}, ${entity}, (x->>'line')::int, x from jsonb_array_elements(${JSON.stringify(records)}::jsonb) x`);
}

export async function countStaged(q: Queryable, batchId: number, entity: Entity): Promise<number> {
  const result = await q.execute<{ n: number }>(
    sql`select count(*)::int as n from import_row where batch_id = ${batchId} and entity = ${entity}`,
  );
  return result.rows[0]?.n ?? 0;
}

export async function clearStaging(q: Queryable, batchId: number): Promise<void> {
  await q.execute(sql`delete from import_row where batch_id = ${batchId}`);
}

/** The same key twice in one file is ambiguous: which line wins? Both lines are reported. */
export async function duplicateKeys(
  q: Queryable,
  batchId: number,
  entity: Entity,
  key: string,
  column: string,
): Promise<ImportIssue[]> {
  const result = await q.execute<{ line: number; value: string; first: number }>(sql`
    select line, value, first from (
      select line, data->>${key} as value, min(line) over (partition by data->>${key}) as first
      from import_row where batch_id = ${batchId} and entity = ${entity}
    ) t where line <> first order by line`);
  return result.rows.map((r) => ({
    line: r.line,
    column,
    field: column,
    value: r.value,
    message: `appears twice in the file (first on line ${r.first})`,
  }));
}

export function countsFrom(rows: { inserted: boolean }[], total: number): Counts {
  const created = rows.filter((r) => r.inserted).length;
  const updated = rows.length - created;
  return { created, updated, unchanged: total - created - updated };
}

/** Staged rows naming a customer reference that no customer of the company has (after this file's own customers). */
export async function unknownCustomers(
  tx: Tx,
  ctx: ApplyContext,
  entity: "invoice" | "contact" | "payment",
): Promise<ImportIssue[]> {
  return unknownCustomerRefs(
    tx,
    ctx,
    sql`(select line, data->>'customerRef' as customer_ref from import_row
      where batch_id = ${ctx.batchId} and entity = ${entity})`,
  );
}

/** The same check on any staged rows with `line` and `customer_ref` columns. */
export async function unknownCustomerRefs(tx: Tx, ctx: ApplyContext, staged: SQL): Promise<ImportIssue[]> {
  const result = await tx.execute<{ line: number; value: string }>(sql`
    select r.line, r.customer_ref as value from ${staged} r
    where r.customer_ref is not null
      and not exists (select 1 from customer c where c.company_id = ${ctx.companyId} and c.external_ref = r.customer_ref)
    order by r.line`);
  return result.rows.map((row) => ({
    line: row.line,
    column: "customer_ref",
    field: "customer_ref",
    value: row.value,
    message:
      "no customer has this reference in this company (import the customers first, or in the same file)",
  }));
}
