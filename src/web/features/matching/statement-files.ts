/** What the statement picker offers: camt XML, MT940 (.sta, .mt940, .940, .txt), CFONB 120 (.cfonb, .txt) and bank CSV/XLSX. */
export const STATEMENT_EXTENSIONS = [
  ".xml",
  ".053",
  ".054",
  ".sta",
  ".mt940",
  ".940",
  ".cfonb",
  ".txt",
  ".csv",
  ".xlsx",
] as const;

export function isStatementFile(file: File): boolean {
  const name = file.name.toLowerCase();
  return STATEMENT_EXTENSIONS.some((extension) => name.endsWith(extension));
}

/** A bank's CSV or XLSX export is read through a saved mapping; the bank formats describe themselves. */
export function needsMapping(files: readonly File[]): boolean {
  return files.some((file) => /\.(csv|xlsx)$/i.test(file.name));
}

/** Adds the picked files to the list, once each (same name, size and date), leaving out unknown kinds. */
export function addStatementFiles(
  files: readonly File[],
  added: readonly File[],
): { files: File[]; refused: string[] } {
  const key = (file: File): string => `${file.name}|${file.size}|${file.lastModified}`;
  const seen = new Set(files.map(key));
  const next = [...files];
  const refused: string[] = [];
  for (const file of added) {
    if (!isStatementFile(file)) refused.push(file.name);
    else if (!seen.has(key(file))) {
      seen.add(key(file));
      next.push(file);
    }
  }
  return { files: next, refused };
}
