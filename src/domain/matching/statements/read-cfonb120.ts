import type { IsoDate } from "../../../shared/dates";
import type { ParsedBankLine, ParsedStatement, ParsedStatementFile } from "./statement.types";
import { type StatementSource, statementError } from "./statement-errors";
import {
  clean,
  dateFromParts,
  decodeText,
  fullYear,
  ISO_RETURN_REASON,
  minorUnits,
} from "./statement-values";

/**
 * CFONB 120 ("relevé de compte 120 caractères"), the French banks' statement format. Positions
 * are 1-based, as the CFONB brochure writes them.
 */
const RECORD_LENGTH = 120;

type Record = { code: string; text: string; line: number };

/** The last digit of a CFONB amount carries the sign: { A–I are +0…+9, } J–R are −0…−9. */
const SIGN_DIGITS: { [letter: string]: [number, string] } = {
  "{": [1, "0"],
  "}": [-1, "0"],
  ...Object.fromEntries("ABCDEFGHI".split("").map((l, i) => [l, [1, String(i + 1)]])),
  ...Object.fromEntries("JKLMNOPQR".split("").map((l, i) => [l, [-1, String(i + 1)]])),
};

const at = (record: Record, from: number, to: number) => record.text.slice(from - 1, to);

/** The records of the file, one per line, or cut every 120 characters when the file has no line breaks. */
function records(text: string, source: StatementSource): Record[] {
  const out: Record[] = [];
  const hasBreaks = /[\r\n]/.test(text.trimEnd());
  const pieces = hasBreaks
    ? text.split(/\r\n|\r|\n/).map((t, i) => ({ t, line: i + 1 }))
    : Array.from({ length: Math.ceil(text.trimEnd().length / RECORD_LENGTH) }, (_, i) => ({
        t: text.slice(i * RECORD_LENGTH, (i + 1) * RECORD_LENGTH),
        line: i + 1,
      }));
  for (const { t, line } of pieces) {
    const trimmed = t.replace(/\s+$/, "");
    if (trimmed === "") continue;
    const code = trimmed.slice(0, 2);
    if (!["01", "04", "05", "07"].includes(code))
      throw statementError(source, {
        line,
        field: "record code",
        value: code,
        message: "unknown CFONB 120 record (01, 04, 05 or 07 expected)",
      });
    if (trimmed.length > RECORD_LENGTH)
      throw statementError(source, {
        line,
        field: "record",
        value: trimmed.length,
        message: `the record is longer than ${RECORD_LENGTH} characters`,
      });
    // Trailing spaces are often stripped; a record that stops before its amount is truncated.
    const needed = code === "05" ? 32 : 104;
    if (trimmed.length < needed)
      throw statementError(source, {
        line,
        field: `record ${code}`,
        value: trimmed.length,
        message: `truncated record: ${trimmed.length} characters where ${RECORD_LENGTH} are expected`,
      });
    out.push({ code, text: trimmed.padEnd(RECORD_LENGTH, " "), line });
  }
  return out;
}

function currencyOf(record: Record): string {
  return at(record, 17, 19).trim();
}

/** Amount in columns 91–104, the number of decimals in column 20. */
function amount(record: Record, source: StatementSource, field: string): number {
  const raw = at(record, 91, 104);
  const decimals = Number(at(record, 20, 20));
  const sign = SIGN_DIGITS[raw.slice(-1)];
  const digits = raw.slice(0, -1);
  if (!sign || !/^\d{13}$/.test(digits) || !Number.isInteger(decimals))
    throw statementError(source, {
      line: record.line,
      field,
      value: raw,
      message: "is not a CFONB amount (13 digits and a sign letter, decimals in column 20)",
    });
  const all = digits + sign[1];
  const text = decimals === 0 ? all : `${all.slice(0, -decimals)}.${all.slice(-decimals)}`;
  return sign[0] * minorUnits(text, currencyOf(record), { source, line: record.line, field, shown: raw });
}

function date(record: Record, from: number, source: StatementSource, field: string, required: true): IsoDate;
function date(
  record: Record,
  from: number,
  source: StatementSource,
  field: string,
  required: false,
): IsoDate | null;
function date(record: Record, from: number, source: StatementSource, field: string, required: boolean) {
  const raw = at(record, from, from + 5);
  if (raw.trim() === "" && !required) return null;
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(raw);
  const parsed = m ? dateFromParts(fullYear(Number(m[3])), Number(m[2]), Number(m[1])) : null;
  if (parsed === null)
    throw statementError(source, {
      line: record.line,
      field,
      value: raw,
      message: raw.trim() === "" ? "the date is missing (DDMMYY)" : "is not a valid date (DDMMYY)",
    });
  return parsed;
}

/** Bank (3–7), branch (12–16) and account number (22–32), the RIB without its key. */
function accountNumber(record: Record): string {
  return `${at(record, 3, 7)}${at(record, 12, 16)}${at(record, 22, 32)}`.replace(/\s/g, "");
}

/** The same account across records: branch, account number and currency (some banks vary the bank code). */
function accountKey(record: Record): string {
  return `${at(record, 12, 16)}|${at(record, 22, 32)}|${currencyOf(record)}`;
}

const RIB_LETTERS = "123456789123456789234567890";

/** The French IBAN of a RIB: the RIB key (mod 97) computed from bank, branch and account, then the IBAN check digits. */
export function frenchIban(bank: string, branch: string, account: string): string | null {
  if (!/^\d{5}$/.test(bank) || !/^\d{5}$/.test(branch) || !/^[0-9A-Z]{11}$/.test(account)) return null;
  const digits = account.replace(/[A-Z]/g, (c) => RIB_LETTERS[c.charCodeAt(0) - 65] ?? "0");
  const ribKey = 97 - Number((89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(digits)) % 97n);
  const bban = `${bank}${branch}${account}${String(ribKey).padStart(2, "0")}`;
  const numeric = `${bban}FR00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = 98 - Number(BigInt(numeric) % 97n);
  return `FR${String(check).padStart(2, "0")}${bban}`;
}

type Draft = {
  key: string;
  statement: ParsedStatement;
  line: number;
};

type Complement = { qualifier: string; value: string; line: number };

const REJECTED_LABEL = /\b(IMPAYES?|REJETS?)\b/i;

function bankLine(movement: Record, complements: Complement[], source: StatementSource): ParsedBankLine {
  const amountMinor = amount(movement, source, "04 amount (91-104)");
  const values = (q: string) =>
    complements
      .filter((c) => c.qualifier === q)
      .map((c) => clean(c.value))
      .filter((v): v is string => v !== null);
  const first = (q: string) => values(q)[0] ?? null;
  const label = clean(at(movement, 49, 79));
  const texts = [label, ...values("LIB"), ...values("LCC"), ...values("LC2")].filter(
    (t): t is string => t !== null,
  );
  const remittanceText = texts.length > 0 ? texts.join(" ") : null;
  const credit = amountMinor > 0;
  const rejectCode = clean(at(movement, 41, 42));
  const isReversal = rejectCode !== null || (label !== null && REJECTED_LABEL.test(label));
  const e2e = complements.find((c) => c.qualifier === "RCN")?.value ?? null;
  return {
    line: movement.line,
    bookingDate: date(movement, 35, source, "04 booking date (35-40)", true),
    valueDate: date(movement, 43, source, "04 value date (43-48)", false),
    amountMinor,
    currency: currencyOf(movement),
    counterpartyName: credit
      ? (first("NPY") ?? first("NPO") ?? first("NBE"))
      : (first("NBE") ?? first("NBU") ?? first("NPY")),
    counterpartyIban: null,
    structuredReference: first("LCS"),
    remittanceText,
    bankReference: clean(at(movement, 105, 120)) ?? first("REF"),
    // RCN: the end-to-end reference in its first 35 characters, a purpose after.
    endToEndId: e2e === null ? null : clean(e2e.slice(0, 35)),
    mandateId: first("RUM"),
    isReversal,
    returnReason:
      rejectCode ??
      (isReversal && remittanceText ? (ISO_RETURN_REASON.exec(remittanceText)?.[1] ?? null) : null),
    transactionCode: clean(at(movement, 33, 34)),
  };
}

/**
 * Reads a CFONB 120 file: one statement per account and period (from a 01 old balance to its 07
 * new balance); movements (04) with no 01 before them make a statement of their own per account.
 */
export function readCfonb120(bytes: Uint8Array, fileName: string): ParsedStatementFile {
  const source: StatementSource = { fileName, unit: "line" };
  const all = records(decodeText(bytes), source);
  if (all.length === 0)
    throw statementError(source, { line: 0, field: "record", message: "the file holds no CFONB 120 record" });
  const statements: ParsedStatement[] = [];
  let draft: Draft | null = null;
  const open = (record: Record, opening: number | null, from: IsoDate | null): Draft => {
    const bank = at(record, 3, 7).trim();
    const branch = at(record, 12, 16).trim();
    const account = at(record, 22, 32).trim();
    const statement: ParsedStatement = {
      reference: "",
      accountIban: frenchIban(bank, branch, account),
      accountNumber: accountNumber(record),
      bic: null,
      currency: currencyOf(record),
      openingBalanceMinor: opening,
      closingBalanceMinor: null,
      fromDate: from,
      toDate: null,
      lines: [],
    };
    statements.push(statement);
    return { key: accountKey(record), statement, line: record.line };
  };
  const close = (d: Draft) => {
    const s = d.statement;
    const dates = s.lines.map((l) => l.bookingDate).sort();
    s.fromDate ??= dates[0] ?? null;
    s.toDate ??= dates.at(-1) ?? s.fromDate;
    s.reference = `${s.accountNumber}-${s.fromDate ?? ""}`;
  };
  for (let i = 0; i < all.length; i++) {
    const record = all[i] as Record;
    switch (record.code) {
      case "01": {
        if (draft) close(draft);
        draft = open(
          record,
          amount(record, source, "01 old balance (91-104)"),
          date(record, 35, source, "01 old balance date (35-40)", true),
        );
        break;
      }
      case "04": {
        if (!draft || draft.key !== accountKey(record) || draft.statement.closingBalanceMinor !== null) {
          if (draft) close(draft);
          draft = open(record, null, null);
        }
        const complements: Complement[] = [];
        while (all[i + 1]?.code === "05") {
          const next = all[i + 1] as Record;
          if (accountKey(next) !== accountKey(record))
            throw statementError(source, {
              line: next.line,
              field: "05 account (22-32)",
              value: at(next, 22, 32),
              message: `the complement is not about the account of the movement on line ${record.line}`,
            });
          complements.push({ qualifier: at(next, 46, 48), value: at(next, 49, 118), line: next.line });
          i += 1;
        }
        draft.statement.lines.push(bankLine(record, complements, source));
        break;
      }
      case "05":
        throw statementError(source, {
          line: record.line,
          field: "record 05",
          message: "a complement (05) must follow a movement (04)",
        });
      case "07": {
        if (!draft || draft.key !== accountKey(record) || draft.statement.closingBalanceMinor !== null) {
          if (draft) close(draft);
          draft = open(record, null, null);
        }
        draft.statement.closingBalanceMinor = amount(record, source, "07 new balance (91-104)");
        draft.statement.toDate = date(record, 35, source, "07 new balance date (35-40)", true);
        break;
      }
    }
  }
  if (draft) close(draft);
  return { format: "cfonb120", statements };
}
