import type { IsoDate } from "../../../shared/dates";
import { endOfMonth } from "../../../shared/dates";
import { readMt940Details } from "./mt940-details";
import type { ParsedBankLine, ParsedStatement, ParsedStatementFile } from "./statement.types";
import { type StatementSource, statementError } from "./statement-errors";
import {
  clean,
  dateFromParts,
  decodeText,
  fullYear,
  ISO_RETURN_REASON,
  ibanOrNull,
  minorUnits,
} from "./statement-values";

/**
 * The tags of MT940 (and MT942) that start a field. A line starting with another ":NN:" is the
 * continuation of the previous field: ":12:11" is the end of a time wrapped inside a :86:.
 */
const TAG = /^:(13D?|20|21|25P?|28C?|34F|60[FM]|61|62[FM]|64|65|86|90[CD]|NS):/;

/** :61: value date, [entry date], mark, [funds code], amount, type, reference[//bank ref], [supplementary]. */
const STATEMENT_LINE =
  /^(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(R?[DC])([A-Z])?[\n ]?([\d,]{1,15})([A-Z][A-Z0-9 ]{3})?((?:(?!\/\/)[^\n]){0,16})(?:\/\/([^\n]{0,23}))?(?:\n?([\s\S]{0,34}))?$/;

/** :60F: :62F: … mark, date YYMMDD, currency, amount. */
const BALANCE = /^([DC])(\d{2})(\d{2})(\d{2})([A-Z]{3})([\d,]+)$/;

/** German GVC business codes of returns: SEPA direct debit returned (109), credit transfer returned (159). */
const RETURN_GVC = new Set(["109", "159"]);

type Field = { tag: string; value: string; lines: string[]; line: number };

/** The fields of the file in order, with the line each starts on; SWIFT envelopes and "-" separators skipped. */
function fields(text: string): Field[] {
  const physical = text.replace(/\r\n?/g, "\n").split("\n");
  const out: Field[] = [];
  let current: Field | null = null;
  for (let i = 0; i < physical.length; i++) {
    let raw = physical[i] as string;
    // Sparkassen wrap a tag itself: ":" alone, then "86:…".
    if (raw.trim() === ":" && /^\d{2}[A-Z]?:/.test(physical[i + 1] ?? "")) {
      raw = `:${physical[i + 1]}`;
      physical[i + 1] = "";
    }
    const line = raw.replace(/^\{4:\s*/, "");
    const tag = TAG.exec(line);
    if (tag) {
      current = { tag: tag[1] as string, value: "", lines: [line.slice(tag[0].length)], line: i + 1 };
      out.push(current);
    } else if (/^-\}?\s*$/.test(line) || line.startsWith("{")) {
      current = null;
    } else if (current && line.trim() !== "") {
      current.lines.push(line);
    }
  }
  for (const f of out) f.value = f.lines.join("\n");
  return out;
}

type Draft = {
  reference: string | null;
  sequence: string | null;
  account: string | null;
  currency: string | null;
  opening: { minor: number; date: IsoDate } | null;
  closing: { minor: number; date: IsoDate } | null;
  lines: ParsedBankLine[];
  line: number;
};

/**
 * A date from YY MM DD. German banks book their quarterly closing on "30 February": a day past the
 * month's end (up to 31) is read as the month's last day, as the banks mean it.
 */
function date(
  yy: string,
  mm: string,
  dd: string,
  at: { source: StatementSource; line: number; field: string },
) {
  const year = fullYear(Number(yy));
  const month = Number(mm);
  const day = Number(dd);
  const exact = dateFromParts(year, month, day);
  if (exact) return exact;
  const first = dateFromParts(year, month, 1);
  if (first && day >= 29 && day <= 31) return endOfMonth(first);
  throw statementError(at.source, {
    ...at,
    value: `${yy}${mm}${dd}`,
    message: "is not a valid date (YYMMDD)",
  });
}

function balance(field: Field, source: StatementSource) {
  const at = { source, line: field.line, field: `:${field.tag}:` };
  const m = BALANCE.exec(field.value.trim());
  if (!m)
    throw statementError(source, {
      ...at,
      value: field.value.trim(),
      message: "is not a balance (D/C, date YYMMDD, currency, amount)",
    });
  const [, mark, yy, mm, dd, currency, amount] = m as unknown as string[];
  const minor = minorUnits(amount, currency as string, at);
  return {
    currency: currency as string,
    minor: mark === "D" ? -minor : minor,
    date: date(yy as string, mm as string, dd as string, at),
  };
}

/** The entry (booking) date MMDD belongs to the value date's year, or the next or previous one across New Year. */
function entryDate(
  valueDate: IsoDate,
  mm: string,
  dd: string,
  at: { source: StatementSource; line: number },
) {
  const valueYear = Number(valueDate.slice(0, 4));
  const valueMonth = Number(valueDate.slice(5, 7));
  const month = Number(mm);
  const year =
    valueMonth === 12 && month === 1
      ? valueYear + 1
      : valueMonth === 1 && month === 12
        ? valueYear - 1
        : valueYear;
  return date(String(year % 100).padStart(2, "0"), mm, dd, { ...at, field: ":61: entry date" });
}

function statementLine(
  field: Field,
  details: Field | null,
  draft: Draft,
  source: StatementSource,
): ParsedBankLine {
  const at = { source, line: field.line };
  const value = field.value.replace(/\s+$/, "");
  const m = STATEMENT_LINE.exec(value);
  if (!m)
    throw statementError(source, {
      ...at,
      field: ":61:",
      value: value.split("\n")[0],
      message:
        "is not a statement line (value date YYMMDD, [entry date MMDD], D/C/RD/RC, amount, type, reference)",
    });
  const [, yy, mm, dd, entryMm, entryDd, mark, , amount, type, customerRef, bankRef, supplementary] = m;
  if (draft.currency === null)
    throw statementError(source, {
      ...at,
      field: ":60F:",
      message: "the statement line comes before any opening balance (:60F:) giving the currency",
    });
  const valueDate = date(yy as string, mm as string, dd as string, { ...at, field: ":61: value date" });
  const bookingDate = entryMm && entryDd ? entryDate(valueDate, entryMm, entryDd, at) : valueDate;
  const minor = minorUnits(amount, draft.currency, { ...at, field: ":61: amount" });
  // RC takes back a credit, RD a debit.
  const sign = mark === "C" || mark === "RD" ? 1 : -1;
  const parsed = details ? readMt940Details(details.lines) : null;
  const reversal = (mark as string).startsWith("R") || (parsed?.code ? RETURN_GVC.has(parsed.code) : false);
  const text = parsed?.text ?? null;
  const customer = clean(customerRef);
  return {
    line: field.line,
    bookingDate,
    valueDate,
    amountMinor: sign * minor,
    currency: draft.currency,
    counterpartyName: parsed?.counterpartyName ?? null,
    counterpartyIban: parsed?.counterpartyIban ?? ibanOrNull(supplementary),
    structuredReference: parsed?.structuredReference ?? null,
    remittanceText: text,
    bankReference: clean(bankRef) === "NONREF" ? null : clean(bankRef),
    endToEndId: parsed?.endToEndId ?? (customer === null || customer === "NONREF" ? null : customer),
    mandateId: parsed?.mandateId ?? null,
    isReversal: reversal || parsed?.returnReason != null,
    returnReason:
      parsed?.returnReason ?? (reversal && text ? (ISO_RETURN_REASON.exec(text)?.[1] ?? null) : null),
    transactionCode: (parsed?.code === "000" ? null : parsed?.code) ?? clean(type),
  };
}

function finish(draft: Draft, source: StatementSource): ParsedStatement {
  if (draft.currency === null)
    throw statementError(source, {
      line: draft.line,
      field: ":60F:",
      message: "the statement has no opening balance (:60F:/:60M:) giving its currency",
    });
  const reference = [draft.reference, draft.sequence].filter((p) => p !== null).join("/");
  return {
    reference,
    accountIban: ibanOrNull(draft.account),
    accountNumber: draft.account,
    bic: null,
    currency: draft.currency,
    openingBalanceMinor: draft.opening?.minor ?? null,
    closingBalanceMinor: draft.closing?.minor ?? null,
    fromDate: draft.opening?.date ?? draft.lines[0]?.bookingDate ?? null,
    toDate: draft.closing?.date ?? draft.lines.at(-1)?.bookingDate ?? null,
    lines: draft.lines,
  };
}

/** Reads an MT940 (or MT942) file: one statement per :20: (or per new opening balance). */
export function readMt940(bytes: Uint8Array, fileName: string): ParsedStatementFile {
  const source: StatementSource = { fileName, unit: "line" };
  const all = fields(decodeText(bytes));
  if (all.length === 0 || !all.some((f) => f.tag === "61" || f.tag.startsWith("60")))
    throw statementError(source, {
      line: 0,
      field: ":60F:",
      message: "not an MT940 statement: no opening balance (:60F:) nor statement line (:61:) found",
    });
  const statements: ParsedStatement[] = [];
  const blank = (line: number): Draft => ({
    reference: null,
    sequence: null,
    account: null,
    currency: null,
    opening: null,
    closing: null,
    lines: [],
    line,
  });
  const state: { draft: Draft | null } = { draft: null };
  const hasContent = (d: Draft) => d.opening !== null || d.lines.length > 0 || d.closing !== null;
  /** Closes the statement being read (when it holds anything) and opens the next one. */
  const fresh = (field: Field, inherit: boolean): Draft => {
    const previous = state.draft;
    if (previous && hasContent(previous)) statements.push(finish(previous, source));
    const draft = blank(field.line);
    // A new opening balance without a new :20: continues the same account and reference.
    if (inherit && previous) {
      draft.reference = previous.reference;
      draft.sequence = previous.sequence;
      draft.account = previous.account;
    }
    state.draft = draft;
    return draft;
  };
  const current = (field: Field): Draft => state.draft ?? fresh(field, false);
  for (let i = 0; i < all.length; i++) {
    const field = all[i] as Field;
    switch (field.tag) {
      case "20": {
        const d = state.draft && !hasContent(state.draft) ? state.draft : fresh(field, false);
        d.reference = clean(field.value);
        break;
      }
      case "25":
      case "25P":
        current(field).account = clean(field.value.replace(/\s+/g, ""));
        break;
      case "28":
      case "28C":
        current(field).sequence = clean(field.value);
        break;
      case "60F":
      case "60M": {
        const d = state.draft && !hasContent(state.draft) ? state.draft : fresh(field, true);
        const b = balance(field, source);
        d.currency = b.currency;
        d.opening = { minor: b.minor, date: b.date };
        break;
      }
      case "34F": {
        const d = current(field);
        d.currency ??= /^([A-Z]{3})/.exec(field.value)?.[1] ?? null;
        break;
      }
      case "61": {
        const d = current(field);
        const next = all[i + 1];
        const details = next?.tag === "86" ? next : null;
        d.lines.push(statementLine(field, details, d, source));
        if (details) i += 1;
        break;
      }
      case "62F":
      case "62M": {
        const d = current(field);
        const b = balance(field, source);
        d.currency ??= b.currency;
        d.closing = { minor: b.minor, date: b.date };
        break;
      }
      default:
        break;
    }
  }
  if (state.draft && hasContent(state.draft)) statements.push(finish(state.draft, source));
  if (statements.length === 0)
    throw statementError(source, {
      line: 0,
      field: ":60F:",
      message: "not an MT940 statement: no opening balance (:60F:) nor statement line (:61:) found",
    });
  return { format: "mt940", statements };
}
