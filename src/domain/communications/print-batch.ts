import { PDFDocument } from "pdf-lib";
import type { AppContext } from "../context";
import { selectLetterContents, selectLettersOfDay } from "./letters.repo";

export type PrintBatch = { date: string; letters: number; pages: number; pdf: Buffer | null };

/**
 * The day's print batch: every letter of that day not sent through a postal provider, one PDF, in
 * customer order. With `duplex`, a letter with an odd page count gets a blank back page, so that
 * each letter starts on a new sheet. No letter that day: `pdf` is null.
 */
export async function buildPrintBatch(
  ctx: AppContext,
  options: { date: string; companyId?: number; duplex?: boolean },
): Promise<PrintBatch> {
  const rows = await selectLettersOfDay(ctx.db, { ...options, onlyToPrint: true });
  if (rows.length === 0) return { date: options.date, letters: 0, pages: 0, pdf: null };
  const batch = await PDFDocument.create();
  batch.setTitle(`Encours — letters of ${options.date}`);
  batch.setCreator("Encours");
  const ids = rows.map((r) => r.id);
  // In slices, so that a large day never holds every letter's file in memory at once.
  for (let start = 0; start < ids.length; start += 200) {
    for (const content of await selectLetterContents(ctx.db, ids.slice(start, start + 200))) {
      const letter = await PDFDocument.load(content);
      const pages = await batch.copyPages(letter, letter.getPageIndices());
      for (const page of pages) batch.addPage(page);
      if (options.duplex && pages.length % 2 === 1) {
        const last = pages[pages.length - 1]!;
        batch.addPage([last.getWidth(), last.getHeight()]);
      }
    }
  }
  const pdf = Buffer.from(await batch.save());
  return { date: options.date, letters: rows.length, pages: batch.getPageCount(), pdf };
}
