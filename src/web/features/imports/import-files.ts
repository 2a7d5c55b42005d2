import type { ImportKind } from "./imports-api";

// A record, so that TypeScript flags a kind added to the API's schema and missing here (and the
// web bundle does not pull zod in for one list of names).
const KINDS: Record<ImportKind, true> = {
  invoices: true,
  payments: true,
  customers: true,
  contacts: true,
  fec: true,
  einvoice: true,
  bank: true,
};

/** In the order of the kind select: the daily imports first. */
export const IMPORT_KINDS = Object.keys(KINDS) as ImportKind[];

/** What the file picker offers; the server tells which format a kind really takes. */
// An XLSX file is read from its first sheet, through a saved column mapping or with the native columns.
export const ACCEPTED_EXTENSIONS = [
  ".csv",
  ".txt",
  ".xlsx",
  ".xml",
  ".pdf",
  ".sta",
  ".mt940",
  ".940",
  ".cfonb",
  ".dat",
] as const;

/** The server takes at most this many files in one request. */
export const MAX_FILES = 50;

/** Kinds whose file can be the complete list of open items ("snapshot"). */
export function canSnapshot(kind: ImportKind): boolean {
  return kind === "invoices";
}

export function isAcceptedFile(file: File): boolean {
  const name = file.name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((extension) => name.endsWith(extension));
}

/** The same file picked twice (same name, size and date) is kept once. */
export function fileKey(file: File): string {
  return `${file.name}|${file.size}|${file.lastModified}`;
}

/**
 * Adds `added` to `files`: unknown extensions and files already in the list are left out, and the
 * list stops at `MAX_FILES`. Returns the new list and the names refused for their extension.
 */
export function addFiles(
  files: readonly File[],
  added: readonly File[],
): { files: File[]; refused: string[]; isTruncated: boolean } {
  const next = [...files];
  const keys = new Set(files.map(fileKey));
  const refused: string[] = [];
  let isTruncated = false;
  for (const file of added) {
    if (!isAcceptedFile(file)) {
      refused.push(file.name);
      continue;
    }
    if (keys.has(fileKey(file))) continue;
    if (next.length >= MAX_FILES) {
      isTruncated = true;
      break;
    }
    keys.add(fileKey(file));
    next.push(file);
  }
  return { files: next, refused, isTruncated };
}
