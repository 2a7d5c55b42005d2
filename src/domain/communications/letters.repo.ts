import { sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client";

export type NewLetterDocument = {
  companyId: number;
  customerId: number;
  outboxId: number | null;
  kind: string;
  letterDate: string;
  language: string;
  fileName: string;
  pages: number;
  isRegistered: boolean;
  postalReference: string | null;
  content: Buffer;
};

/**
 * Keeps produced letters, in one statement; a second record for the same outbox row is a no-op.
 * Returns the new letters' ids by outbox row.
 */
export async function insertLetterDocuments(
  tx: Tx,
  letters: readonly NewLetterDocument[],
): Promise<Map<number, number>> {
  if (letters.length === 0) return new Map();
  const values = letters.map(
    (letter) => sql`(${letter.companyId}, ${letter.customerId}, ${letter.outboxId}, ${letter.kind},
      ${letter.letterDate}::date, ${letter.language}, ${letter.fileName}, ${letter.pages}::int,
      ${letter.isRegistered}::boolean, ${letter.postalReference}, ${letter.content}::bytea)`,
  );
  const result = await tx.execute<{ id: number; outbox_id: number | null }>(sql`
    insert into letter_document (company_id, customer_id, outbox_id, kind, letter_date, language, file_name,
      pages, is_registered, postal_reference, content)
    values ${sql.join(values, sql`, `)}
    on conflict (outbox_id) do nothing
    returning id, outbox_id`);
  return new Map(
    result.rows.filter((r) => r.outbox_id !== null).map((r) => [Number(r.outbox_id), Number(r.id)]),
  );
}

export type LetterRow = {
  id: number;
  companyId: number;
  customerId: number;
  customerName: string;
  outboxId: number | null;
  kind: string;
  letterDate: string;
  language: string;
  fileName: string;
  pages: number;
  isRegistered: boolean;
  postalReference: string | null;
  createdAt: Date;
};

const LETTER_COLUMNS = sql`l.id::int as id, l.company_id::int as "companyId", l.customer_id::int as "customerId",
  c.name as "customerName", l.outbox_id::int as "outboxId", l.kind, l.letter_date::text as "letterDate",
  l.language, l.file_name as "fileName", l.pages, l.is_registered as "isRegistered",
  l.postal_reference as "postalReference", l.created_at as "createdAt"`;

/** The letters of a day (all companies, or one), in the order they are printed: customer, then id. */
export async function selectLettersOfDay(
  q: Queryable,
  filter: { date: string; companyId?: number; onlyToPrint?: boolean },
): Promise<LetterRow[]> {
  const company = filter.companyId === undefined ? sql`true` : sql`l.company_id = ${filter.companyId}`;
  const toPrint = filter.onlyToPrint ? sql`l.postal_reference is null` : sql`true`;
  const result = await q.execute<LetterRow>(sql`
    select ${LETTER_COLUMNS} from letter_document l join customer c on c.id = l.customer_id
    where l.letter_date = ${filter.date}::date and ${company} and ${toPrint}
    order by c.name, l.id`);
  return result.rows;
}

/** The PDF files of some letters, in the order given. */
export async function selectLetterContents(q: Queryable, ids: readonly number[]): Promise<Buffer[]> {
  if (ids.length === 0) return [];
  const result = await q.execute<{ id: number; content: Buffer }>(sql`
    select id::int as id, content from letter_document where id = any(${`{${ids.join(",")}}`}::bigint[])`);
  const byId = new Map(result.rows.map((r) => [Number(r.id), r.content]));
  return ids.map((id) => byId.get(id)).filter((c): c is Buffer => c !== undefined);
}

/** One letter with its file. */
export async function selectLetter(
  q: Queryable,
  id: number,
): Promise<(LetterRow & { content: Buffer }) | null> {
  const result = await q.execute<LetterRow & { content: Buffer }>(sql`
    select ${LETTER_COLUMNS}, l.content from letter_document l join customer c on c.id = l.customer_id
    where l.id = ${id}`);
  return result.rows[0] ?? null;
}
