import { currencyExponent } from "../../../shared/currencies";
import { type IsoDate, parseDate } from "../../../shared/dates";
import { parseAmount } from "../imports.rules";
import type { ImportIssue } from "../imports.types";
import type { FecColumn, FecHeader } from "./fec-columns";

/** One FEC line, typed. Amounts in minor units of the company currency, dates ISO. */
export type FecLine = {
  /** 1-based line of the file, the header being line 1. */
  line: number;
  /** 1-based position of the line in its entry (journal + entry number), in file order. */
  index: number;
  journalCode: string;
  journalLib: string;
  entryNumber: string;
  entryDate: IsoDate;
  account: string;
  accountLabel: string;
  auxAccount: string;
  auxLabel: string;
  pieceRef: string;
  pieceDate: IsoDate | null;
  label: string;
  debitMinor: number;
  creditMinor: number;
  letter: string;
  letterDate: IsoDate | null;
  foreignAmount: string | null;
  foreignCurrency: string | null;
};

/**
 * A47 A-1 writes dates AAAAMMJJ; exports from spreadsheets and some software give `YYYY-MM-DD`
 * or `DD/MM/YYYY`, which we accept too.
 */
export function parseFecDate(text: string): IsoDate | null {
  const t = text.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  return compact ? parseDate(`${compact[1]}-${compact[2]}-${compact[3]}`) : parseDate(t);
}

const PLAIN = /^(-?)(\d{1,15})(?:[.,](\d+))?$/;

/**
 * A47 A-1 writes amounts with a decimal comma and no thousands separator; spreadsheet exports bring
 * decimal points and spaced thousands, which are read too. Empty means zero (many exports leave the
 * unused side of Debit/Credit blank). The plain form is read here directly: a FEC holds two
 * amounts per line and millions of lines, the general parser handles the rest.
 */
export function parseFecAmount(text: string, currency: string): number | null {
  const t = text.trim();
  if (t === "") return 0;
  const plain = PLAIN.exec(t);
  const exponent = currencyExponent(currency);
  const fraction = plain?.[3] ?? "";
  if (!plain || fraction.replace(/0+$/, "").length > exponent) return parseAmount(t, currency);
  const minor =
    Number(plain[2]) * 10 ** exponent + Number(fraction.padEnd(exponent, "0").slice(0, exponent) || "0");
  if (!Number.isSafeInteger(minor)) return parseAmount(t, currency);
  return plain[1] === "-" && minor !== 0 ? -minor : minor;
}

const DEBIT = new Set(["d", "debit", "+", "+1", "1"]);
const CREDIT = new Set(["c", "credit", "-", "-1"]);

/** "Sens" is D/C in most software, +1/-1 (or a bare sign) in others. */
export function parseDirection(text: string): 1 | -1 | null {
  const t = text
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
  return DEBIT.has(t) ? 1 : CREDIT.has(t) ? -1 : null;
}

/** Reads the cells of one line against the header; each bad cell is one issue. */
export class FecCells {
  readonly issues: ImportIssue[] = [];

  constructor(
    private readonly header: FecHeader,
    private readonly cells: readonly string[],
    readonly line: number,
  ) {}

  text(column: FecColumn): string {
    const at = this.header.columns.get(column);
    return at ? (this.cells[at.index] ?? "").trim() : "";
  }

  required(column: FecColumn): string {
    const value = this.text(column);
    if (value === "") this.fail(column, value, "is empty; the FEC requires it");
    return value;
  }

  date(column: FecColumn, isRequired: boolean): IsoDate | null {
    const value = isRequired ? this.required(column) : this.text(column);
    if (value === "") return null;
    const date = parseFecDate(value);
    if (date === null) this.fail(column, value, "is not a date (YYYYMMDD, YYYY-MM-DD or DD/MM/YYYY)");
    return date;
  }

  amount(column: FecColumn, currency: string): number {
    const value = this.text(column);
    const minor = parseFecAmount(value, currency);
    if (minor === null) this.fail(column, value, `is not an amount in ${currency} (e.g. 1234,56)`);
    return minor ?? 0;
  }

  fail(column: FecColumn, value: string, message: string): void {
    const name = this.header.columns.get(column)?.name ?? column;
    this.issues.push({ line: this.line, column: name, field: name, value, message });
  }
}

function debitCredit(cells: FecCells, header: FecHeader, currency: string): [number, number] {
  if (header.amounts === "debit_credit")
    return [cells.amount("Debit", currency), cells.amount("Credit", currency)];
  const amount = cells.amount("Montant", currency);
  const sens = cells.text("Sens");
  const direction = parseDirection(sens);
  if (direction === null) {
    if (amount !== 0) cells.fail("Sens", sens, "is not a direction (D or C, +1 or -1)");
    return [0, 0];
  }
  return direction === 1 ? [amount, 0] : [0, amount];
}

function foreign(cells: FecCells): [string | null, string | null] {
  const amount = cells.text("Montantdevise");
  const currency = cells.text("Idevise").toUpperCase();
  // Kept for information only (in the company currency the line is already complete), but a value
  // that is not a number is still a broken file.
  if (amount !== "" && !/^[+-]?\d[\d\s\u00a0.,]*-?$/.test(amount))
    cells.fail("Montantdevise", amount, "is not an amount");
  if (currency !== "" && !/^[A-Z]{3}$/.test(currency))
    cells.fail("Idevise", currency, "is not a currency code (ISO 4217, e.g. USD)");
  return [amount === "" ? null : amount, currency === "" ? null : currency];
}

/** The typed line, or null when one of its cells is broken (the issues say which). */
export function toFecLine(input: {
  header: FecHeader;
  cells: readonly string[];
  line: number;
  index: number;
  currency: string;
}): { line: FecLine | null; issues: ImportIssue[] } {
  const cells = new FecCells(input.header, input.cells, input.line);
  const journalCode = cells.required("JournalCode");
  const entryNumber = cells.required("EcritureNum");
  const entryDate = cells.date("EcritureDate", true);
  const account = cells.required("CompteNum");
  const pieceDate = cells.date("PieceDate", false);
  const [debitMinor, creditMinor] = debitCredit(cells, input.header, input.currency);
  const letterDate = cells.date("DateLet", false);
  const [foreignAmount, foreignCurrency] = foreign(cells);
  if (cells.issues.length > 0 || entryDate === null) return { line: null, issues: cells.issues };
  return {
    line: {
      line: input.line,
      index: input.index,
      journalCode,
      journalLib: cells.text("JournalLib"),
      entryNumber,
      entryDate,
      account,
      accountLabel: cells.text("CompteLib"),
      auxAccount: cells.text("CompAuxNum"),
      auxLabel: cells.text("CompAuxLib"),
      pieceRef: cells.text("PieceRef"),
      pieceDate,
      label: cells.text("EcritureLib"),
      debitMinor,
      creditMinor,
      letter: cells.text("EcritureLet"),
      letterDate,
      foreignAmount,
      foreignCurrency,
    },
    issues: [],
  };
}
