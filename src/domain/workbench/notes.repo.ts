import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { note } from "../../db/schema";

export type NoteRow = {
  id: number;
  customer_id: number;
  body: string;
  is_pinned: boolean;
  author_id: number | null;
  author_name: string | null;
  created_at: Date | string;
};

const SELECT = sql`
  select n.id, n.customer_id, n.body, n.is_pinned, n.author_id, u.name as author_name, n.created_at
  from note n left join app_user u on u.id = n.author_id`;

/** A customer's notes: pinned first, then the newest. */
export async function selectNotes(q: Queryable, customerId: number): Promise<NoteRow[]> {
  const result = await q.execute<NoteRow>(sql`${SELECT}
    where n.customer_id = ${customerId} order by n.is_pinned desc, n.created_at desc, n.id desc limit 200`);
  return result.rows;
}

export async function findNote(q: Queryable, id: number): Promise<NoteRow | null> {
  const result = await q.execute<NoteRow>(sql`${SELECT} where n.id = ${id}`);
  return result.rows[0] ?? null;
}

export async function insertNote(
  q: Queryable,
  row: { customerId: number; authorId: number | null; body: string; isPinned: boolean; now: Date },
): Promise<number> {
  const rows = await q
    .insert(note)
    .values({
      customerId: row.customerId,
      authorId: row.authorId,
      body: row.body,
      isPinned: row.isPinned,
      createdAt: row.now,
      updatedAt: row.now,
    })
    .returning({ id: note.id });
  return rows[0]?.id as number;
}

export async function updatePinned(
  q: Queryable,
  row: { id: number; isPinned: boolean; now: Date },
): Promise<void> {
  await q.execute(
    sql`update note set is_pinned = ${row.isPinned}, updated_at = ${row.now} where id = ${row.id}`,
  );
}
