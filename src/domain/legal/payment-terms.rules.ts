import { addDays, endOfMonth, type IsoDate, parseDate } from "../../shared/dates";

/**
 * A payment term reduced to the rule that gives its due date from the invoice date D, after the
 * table of the domain notes (payment-terms-and-references.md). Calendar days; EOM = end of month.
 *
 * - `immediate`: "comptant", "sofort", "net 0" → D.
 * - `on_receipt`: "à réception", "due on receipt" → the receipt date, which an invoice does not
 *   carry: computeDueDate uses D, the earliest date the buyer can have received it.
 * - `net_days`: "30 jours net", "net 30", "30 Tage netto" → D + N.
 * - `end_of_month`: "N jours fin de mois" (reading A: EOM(D + N), reading B: EOM(D) + N), and with
 *   `thenDays` "N jours fin de mois le X" → EOM(D + N) + X ("fin de mois le 10" → EOM(D) + 10).
 * - `fixed_date`: the terms state the date itself ("Zahlbar … bis 04.04.2018"); that is what the
 *   invoice shows, so it wins over the arithmetic of the same sentence.
 */
export type PaymentTermsRule =
  | { kind: "immediate" }
  | { kind: "on_receipt" }
  | { kind: "net_days"; days: number }
  | { kind: "end_of_month"; days: number; thenDays: number }
  | { kind: "fixed_date"; date: IsoDate };

/** XRechnung's structured Skonto lines: "#SKONTO#TAGE=7#PROZENT=2.00#" (optionally #BASISBETRAG=…#). */
const SKONTO = /#skonto#tage=(\d{1,3})#prozent=(\d+(?:\.\d+)?)#(?:basisbetrag=-?\d+(?:\.\d+)?#)?/gi;

/**
 * Clauses about early-payment discounts or late-payment penalties are not the net terms: they are
 * dropped before reading the rule ("3% Skonto innerhalb 10 Tagen", "2 % discount if paid within
 * 2 days", "Penalty rate 12 %", "indemnité forfaitaire de 40 €").
 */
const NOT_NET_TERMS =
  /%|skonto|escompte|discount|rabatt|\bremise|penalt|verzug|\binterets?\b|\binterest\b|indemnite|late payment|drojsmalsranta|\brente\b/;

const DAY_WORD = "(?:jours?|j|days?|tagen|tage|tag|dagar|dage|dager|dagen|dias|giorni)";
const DAYS = new RegExp(`(?<!\\d)(\\d{1,3}) ?${DAY_WORD}\\b`, "g");
const NET_N = /\b(?:net|netto) ?(\d{1,3})\b/g;
const EOM = /\b(?:fin de mois|fin du mois|fdm|end of (?:the )?month|eom|monatsende|ende des monats|ultimo)\b/;

/** "fin de mois le 10", "EOM + 10", "the 10th of the following month", "am 10. des Folgemonats". */
const THEN_DAY = [
  /\b(?:fin de mois|fin du mois|fdm|end of (?:the )?month|eom|monatsende|ende des monats|ultimo) ?(?:, ?)?(?:le|am|zum|the|on the) ?(\d{1,2})(?:st|nd|rd|th|er|\.)?\b/,
  /\b(?:end of (?:the )?month|eom|fin de mois|monatsende) ?\+ ?(\d{1,2})\b(?: ?(?:days?|jours?|tage))?/,
  /\b(?:le |the |on the |am |zum )?(\d{1,2})(?:st|nd|rd|th|er|\.)? ?(?:du mois suivant|of the (?:following|next) month|des folgemonats|des folgenden monats)\b/,
];

const IMMEDIATE = /\b(?:comptant|sofort|immediate(?:ly)?|cash|contant)\b/;
const ON_RECEIPT =
  /\b(?:a|des|upon|on|at|bei|nach|ab) (?:(?:la )?reception|receipt|erhalt|zugang)\b|\breception (?:de )?(?:la )?facture\b/;

const DATE_PATTERNS = [
  /(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)/g,
  /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g,
];

/** Accents, case and spacing do not matter: "45 JOURS  Fin de Mois" reads like "45 jours fin de mois". */
function foldAccents(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ß/g, "ss")
    .replace(/[ \t\u00a0]+/g, " ");
}

/** Every distinct calendar date written in the text (DD.MM.YYYY, DD/MM/YYYY or YYYY-MM-DD). */
function datesIn(text: string): { dates: (IsoDate | null)[]; rest: string } {
  const dates: (IsoDate | null)[] = [];
  let rest = text;
  for (const pattern of DATE_PATTERNS) {
    rest = rest.replace(pattern, (_match, a: string, b: string, c: string) => {
      const iso = a.length === 4 ? `${a}-${b}-${c}` : `${c}-${b.padStart(2, "0")}-${a.padStart(2, "0")}`;
      dates.push(parseDate(iso));
      return " ";
    });
  }
  return { dates: [...new Set(dates)], rest };
}

function distinctNumbers(text: string, pattern: RegExp): number[] {
  return [...new Set([...text.matchAll(pattern)].map((m) => Number(m[1])))];
}

/** The net period of XRechnung Skonto lines: a 0 % "discount" after N days is plain "net N". */
function skontoNetDays(text: string): number | null {
  const netDays = [...text.matchAll(SKONTO)].filter((m) => Number(m[2]) === 0).map((m) => Number(m[1]));
  return netDays.length === 0 ? null : Math.max(...netDays);
}

function relativeRule(body: string): PaymentTermsRule | null | "ambiguous" {
  let text = body;
  let thenDays: number | null = null;
  for (const pattern of THEN_DAY) {
    const match = pattern.exec(text);
    if (match) {
      thenDays = Number(match[1]);
      // Keep the end-of-month keyword, drop "le 10" so that 10 is not read as the day count.
      text = text.replace(match[0], EOM.test(match[0]) ? " fin de mois " : " ");
      break;
    }
  }
  const days = [...new Set([...distinctNumbers(text, DAYS), ...distinctNumbers(text, NET_N)])];
  if (days.length > 1) return "ambiguous";
  const n = days[0] ?? null;
  if (thenDays !== null) {
    if (thenDays < 1 || thenDays > 31) return "ambiguous";
    return { kind: "end_of_month", days: n ?? 0, thenDays };
  }
  if (EOM.test(text)) return { kind: "end_of_month", days: n ?? 0, thenDays: 0 };
  if (n !== null) return n === 0 ? { kind: "immediate" } : { kind: "net_days", days: n };
  if (IMMEDIATE.test(text)) return { kind: "immediate" };
  if (ON_RECEIPT.test(text)) return { kind: "on_receipt" };
  return null;
}

/**
 * Reads free-text payment terms (EN 16931 BT-20, a customer's terms) in French, English and German.
 * Returns null when the text states no rule, or states several that contradict each other.
 */
export function parsePaymentTerms(text: string): PaymentTermsRule | null {
  const folded = foldAccents(text);
  const skontoDays = skontoNetDays(folded);
  const withoutSkonto = folded.replace(SKONTO, "\n");
  const clauses = withoutSkonto
    .split(/\r?\n|;|,\s+|\.\s+(?=[A-Z])/)
    .map((clause) => clause.trim().toLowerCase())
    .filter((clause) => clause.length > 0 && !NOT_NET_TERMS.test(clause));
  const body = clauses
    .join(" ")
    .replace(/(?<=\p{L})-|-(?=\p{L})/gu, " ")
    .replace(/ +/g, " ");
  const { dates, rest } = datesIn(body);
  // Two dates (instalments) or an impossible one: no single due date can be read.
  if (dates.length > 1 || dates[0] === null) return null;
  if (dates[0] !== undefined) return { kind: "fixed_date", date: dates[0] };
  // "2/10 net 30": the 2 % / 10 days discount is not the net term.
  const relative = relativeRule(rest.replace(/(?<!\d)\d{1,2}(?:[.,]\d+)? ?\/ ?\d{1,3}(?!\d)/g, " "));
  if (relative === "ambiguous") return null;
  if (relative !== null) return relative;
  return skontoDays === null ? null : { kind: "net_days", days: skontoDays };
}

/**
 * French practice accepts two readings of "N jours fin de mois" (DGCCRF, CEPC): A = EOM(D + N),
 * B = EOM(D) + N. Each payment term stores its reading; A is the default.
 */
export type EndOfMonthReading = "A" | "B";

/** The due date a rule gives for an invoice dated `invoiceDate`. Calendar days, no weekend shift. */
export function applyPaymentTerms(
  rule: PaymentTermsRule,
  invoiceDate: IsoDate,
  reading: EndOfMonthReading = "A",
): IsoDate {
  switch (rule.kind) {
    case "immediate":
    case "on_receipt":
      // An invoice does not carry its receipt date; the invoice date is the earliest it can be.
      return invoiceDate;
    case "net_days":
      return addDays(invoiceDate, rule.days);
    case "end_of_month":
      // "N jours fin de mois le X" has one rule, EOM(D + N) + X, whatever the reading.
      if (rule.thenDays > 0) return addDays(endOfMonth(addDays(invoiceDate, rule.days)), rule.thenDays);
      return reading === "A"
        ? endOfMonth(addDays(invoiceDate, rule.days))
        : addDays(endOfMonth(invoiceDate), rule.days);
    case "fixed_date":
      return rule.date;
  }
}
