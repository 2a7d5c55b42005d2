import type { ImportIssue } from "../imports.types";

/**
 * The fields of a FEC as article A47 A-1 of the Livre des procédures fiscales names them: the 18 of
 * the general case, where "Montant" and "Sens" may replace "Debit" and "Credit", and the four that
 * cash-basis taxpayers (BNC/BA) add: DateRglt, ModeRglt, NatOp, IdClient. Columns we do not know
 * are allowed and ignored: some software adds its own.
 */
export const FEC_COLUMNS = [
  "JournalCode",
  "JournalLib",
  "EcritureNum",
  "EcritureDate",
  "CompteNum",
  "CompteLib",
  "CompAuxNum",
  "CompAuxLib",
  "PieceRef",
  "PieceDate",
  "EcritureLib",
  "Debit",
  "Credit",
  "Montant",
  "Sens",
  "EcritureLet",
  "DateLet",
  "ValidDate",
  "Montantdevise",
  "Idevise",
  "DateRglt",
  "ModeRglt",
  "NatOp",
  "IdClient",
] as const;

export type FecColumn = (typeof FEC_COLUMNS)[number];

/**
 * The columns the importer reads. ValidDate, Montantdevise and Idevise are legal fields too, but
 * exports without foreign currency often leave the last two out and we never read ValidDate, so
 * their absence does not stop an import.
 */
const REQUIRED: readonly FecColumn[] = [
  "JournalCode",
  "JournalLib",
  "EcritureNum",
  "EcritureDate",
  "CompteNum",
  "CompteLib",
  "CompAuxNum",
  "CompAuxLib",
  "PieceRef",
  "PieceDate",
  "EcritureLib",
  "EcritureLet",
  "DateLet",
];

/** Spellings seen in the wild that differ from the decree by more than case. */
const ALIASES: Readonly<Record<string, FecColumn>> = { iddevise: "Idevise" };

/** Lower case, no accents, no spaces or punctuation: "Montant Devise" and "MontantDevise" meet. */
export function normalizeColumnName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const BY_NORMALIZED: ReadonlyMap<string, FecColumn> = new Map([
  ...FEC_COLUMNS.map((column) => [normalizeColumnName(column), column] as const),
  ...Object.entries(ALIASES),
]);

/** Where each known column sits, under the name the file gives it (for error messages). */
export type FecHeader = {
  width: number;
  columns: ReadonlyMap<FecColumn, { index: number; name: string }>;
  amounts: "debit_credit" | "amount_direction";
};

function missing(column: string, message = "required FEC column is missing from the header"): ImportIssue {
  return { line: 1, column, field: column, message };
}

/** Maps the header fields to FEC columns; every missing or repeated column is one issue. */
export function readHeader(fields: readonly string[]): { header: FecHeader | null; issues: ImportIssue[] } {
  const columns = new Map<FecColumn, { index: number; name: string }>();
  const issues: ImportIssue[] = [];
  fields.forEach((raw, index) => {
    const name = raw.trim();
    const column = BY_NORMALIZED.get(normalizeColumnName(name));
    if (!column) return;
    if (columns.has(column)) {
      issues.push({ line: 1, column: name, field: name, message: "column appears twice in the header" });
      return;
    }
    columns.set(column, { index, name });
  });
  for (const column of REQUIRED) if (!columns.has(column)) issues.push(missing(column));
  const amounts = amountLayout(columns, issues);
  if (issues.length > 0 || amounts === null) return { header: null, issues };
  return { header: { width: fields.length, columns, amounts }, issues };
}

/** Debit + Credit, or Montant + Sens (A47 A-1 allows either); a half pair names what is missing. */
function amountLayout(
  columns: ReadonlyMap<FecColumn, unknown>,
  issues: ImportIssue[],
): FecHeader["amounts"] | null {
  if (columns.has("Debit") && columns.has("Credit")) return "debit_credit";
  if (columns.has("Montant") && columns.has("Sens")) return "amount_direction";
  const pair: readonly FecColumn[] =
    columns.has("Montant") || columns.has("Sens") ? ["Montant", "Sens"] : ["Debit", "Credit"];
  for (const column of pair) {
    if (!columns.has(column))
      issues.push(
        missing(column, "required FEC column is missing from the header (Debit/Credit or Montant/Sens)"),
      );
  }
  return null;
}
