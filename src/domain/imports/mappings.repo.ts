import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { importMapping } from "../../db/schema";
import type { ImportMapping, ImportMappingInput } from "./imports.schemas";

type Row = typeof importMapping.$inferSelect;

function toMapping(row: Row): ImportMapping {
  return {
    id: row.id,
    companyId: row.companyId,
    kind: row.kind as ImportMapping["kind"],
    name: row.name,
    columns: row.columns,
    dateFormat: row.dateFormat as ImportMapping["dateFormat"],
    decimalSeparator: row.decimalSeparator as ImportMapping["decimalSeparator"],
    currency: row.currency,
    accountIban: row.accountIban,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function selectMappings(
  q: Queryable,
  filter: { companyId?: number; kind?: string },
): Promise<ImportMapping[]> {
  const rows = await q
    .select()
    .from(importMapping)
    .where(
      and(
        filter.companyId === undefined ? undefined : eq(importMapping.companyId, filter.companyId),
        filter.kind === undefined ? undefined : eq(importMapping.kind, filter.kind),
      ),
    )
    .orderBy(asc(importMapping.name));
  return rows.map(toMapping);
}

export async function findMapping(q: Queryable, id: number): Promise<ImportMapping | null> {
  const rows = await q.select().from(importMapping).where(eq(importMapping.id, id));
  return rows[0] ? toMapping(rows[0]) : null;
}

export async function findMappingByName(
  q: Queryable,
  companyId: number,
  kind: string,
  name: string,
): Promise<ImportMapping | null> {
  const rows = await q
    .select()
    .from(importMapping)
    .where(
      and(
        eq(importMapping.companyId, companyId),
        eq(importMapping.kind, kind),
        sql`lower(${importMapping.name}) = lower(${name})`,
      ),
    );
  return rows[0] ? toMapping(rows[0]) : null;
}

export async function insertMapping(q: Queryable, input: ImportMappingInput): Promise<ImportMapping> {
  const rows = await q.insert(importMapping).values(input).returning();
  return toMapping(rows[0]!);
}

export async function updateMappingRow(
  q: Queryable,
  id: number,
  input: ImportMappingInput,
  now: Date,
): Promise<ImportMapping | null> {
  const rows = await q
    .update(importMapping)
    .set({ ...input, updatedAt: now })
    .where(eq(importMapping.id, id))
    .returning();
  return rows[0] ? toMapping(rows[0]) : null;
}

export async function deleteMappingRow(q: Queryable, id: number): Promise<boolean> {
  const rows = await q
    .delete(importMapping)
    .where(eq(importMapping.id, id))
    .returning({ id: importMapping.id });
  return rows.length > 0;
}
