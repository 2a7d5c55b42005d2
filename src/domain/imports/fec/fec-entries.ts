import { formatMajor } from "../../../shared/money";
import type { ImportIssue } from "../imports.types";
import type { FecLine } from "./fec-fields";

/** One accounting entry (écriture): the lines sharing a journal and an entry number. */
export type FecEntry = { key: string; journalCode: string; entryNumber: string; lines: FecLine[] };

/**
 * EcritureNum is "a continuous sequence" per A47 A-1, but most software numbers each journal on its
 * own (VEN 4 and CRC 4 are different entries), so an entry is identified by journal + number.
 */
export function entryKey(journalCode: string, entryNumber: string): string {
  return `${journalCode.trim()}\u0000${entryNumber.trim()}`;
}

/** Groups lines into entries, in order of first appearance; lines keep the file's order. */
export function groupEntries(lines: readonly FecLine[]): FecEntry[] {
  const entries = new Map<string, FecEntry>();
  for (const line of lines) {
    const key = entryKey(line.journalCode, line.entryNumber);
    let entry = entries.get(key);
    if (!entry) {
      entry = { key, journalCode: line.journalCode, entryNumber: line.entryNumber, lines: [] };
      entries.set(key, entry);
    }
    entry.lines.push(line);
  }
  return [...entries.values()];
}

/**
 * Double entry: the debits of an entry equal its credits. An entry that does not balance means
 * the file is truncated or was edited by hand, and any open amount read from it would be wrong.
 */
export function unbalancedEntries(input: {
  entries: readonly FecEntry[];
  currency: string;
  skip: ReadonlySet<string>;
}): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const entry of input.entries) {
    if (input.skip.has(entry.key)) continue;
    let debit = 0;
    let credit = 0;
    for (const line of entry.lines) {
      debit += line.debitMinor;
      credit += line.creditMinor;
    }
    if (debit === credit) continue;
    const first = entry.lines[0]?.line ?? 0;
    const last = entry.lines.at(-1)?.line ?? first;
    const total = (minor: number) => formatMajor({ minor, currency: input.currency });
    issues.push({
      line: first,
      column: "EcritureNum",
      field: "EcritureNum",
      value: entry.entryNumber,
      message:
        `entry ${entry.journalCode} ${entry.entryNumber} does not balance: debit ${total(debit)}, ` +
        `credit ${total(credit)} (lines ${first}${last === first ? "" : `–${last}`})`,
    });
  }
  return issues;
}

/**
 * The reference of every record a FEC line yields: journal, entry number and the line's position
 * in its entry ("VEN-4-1", "CRC-8-2"). A validated entry is final (ValidDate records when), so
 * the reference is the same in every later export of the same year; it is unique by construction,
 * which PieceRef is not. When software writes one entry number for a whole journal (EcritureNum
 * always 0), the position in the journal stands in, and holds as long as the export keeps order.
 */
export function recordRef(line: FecLine, entry: FecEntry): string {
  return `${entry.journalCode}-${entry.entryNumber}-${line.index}`;
}
