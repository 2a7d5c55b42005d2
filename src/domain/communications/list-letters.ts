import type { AppContext } from "../context";
import type { Letter, LetterList, LetterQuery } from "./communications.schemas";
import { type LetterRow, selectLettersOfDay } from "./letters.repo";

export function letterOf(row: LetterRow): Letter {
  return {
    id: row.id,
    companyId: row.companyId,
    customer: { id: row.customerId, name: row.customerName },
    outboxId: row.outboxId,
    kind: row.kind as Letter["kind"],
    letterDate: row.letterDate,
    language: row.language,
    fileName: row.fileName,
    pages: row.pages,
    isRegistered: row.isRegistered,
    postalReference: row.postalReference,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** `GET /api/letters?date=`: the letters produced on a day, and what the print batch holds. */
export async function listLetters(ctx: AppContext, query: LetterQuery): Promise<LetterList> {
  const rows = await selectLettersOfDay(ctx.db, query);
  const toPrint = rows.filter((r) => r.postalReference === null);
  return {
    date: query.date,
    items: rows.map(letterOf),
    toPrint: toPrint.length,
    pagesToPrint: toPrint.reduce((sum, r) => sum + r.pages, 0),
  };
}
