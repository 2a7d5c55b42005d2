import { daysBetween, type IsoDate } from "../../shared/dates";
import { formatMajor, parseMajor } from "../../shared/money";
import type { LanguageCode } from "../../shared/schemas";

/**
 * A dispute its owner is told about by an internal email: what the collector wrote when opening it, kept
 * with the queued message (amounts in major-unit decimal strings, ISO dates).
 */
export type DisputeFacts = {
  reason: { fr: string; en: string };
  invoices: { number: string; amount: string; currency: string }[];
  deadline: string | null;
  note: string | null;
  openedBy: string | null;
};

/** What a message is made from, as the repository reads it (amounts in minor units, ISO dates). */
export type MessageData = {
  today: IsoDate;
  currency: string;
  company: {
    name: string;
    addressLine1: string | null;
    addressLine2: string | null;
    postalCode: string | null;
    city: string | null;
    phone: string | null;
    iban: string | null;
    bic: string | null;
    legalId: string | null;
    vatId: string | null;
    legalMentions: string | null;
    senderName: string | null;
    senderEmail: string | null;
  };
  customer: {
    id: number;
    externalRef: string;
    name: string;
    addressLine1: string | null;
    addressLine2: string | null;
    postalCode: string | null;
    city: string | null;
    legalId: string | null;
  };
  contact: { name: string; email: string | null } | null;
  collector: { name: string; email: string } | null;
  invoices: {
    number: string;
    issueDate: string;
    dueDate: string;
    amountMinor: number;
    openAmountMinor: number;
  }[];
  /** From the legal module's claim, in major-unit decimal strings; null when nothing could be computed. */
  claim: { interest: string; indemnity: string; indemnityCurrency: string; indemnityCount: number } | null;
  /** Link to the customer page in Encours, for internal messages. */
  customerUrl: string;
  /** The dispute of an internal email to its owner; null for every other message. */
  dispute: DisputeFacts | null;
};

const LOCALES: Record<LanguageCode, string> = {
  fr: "fr-FR",
  en: "en-GB",
  de: "de-DE",
  es: "es-ES",
  it: "it-IT",
  nl: "nl-NL",
};

/** Formats an exact decimal string in the recipient's locale (Intl formats numeric strings without floats). */
/**
 * Building an Intl formatter costs far more than formatting with it (a locale lookup each time), and
 * a message formats a dozen amounts and dates: one formatter per locale and currency (or date style)
 * is kept for the process. Few keys: six languages times the currencies in use.
 */
const moneyFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function moneyFormat(currency: string, language: LanguageCode): Intl.NumberFormat {
  const key = `${language}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { style: "currency", currency });
    moneyFormats.set(key, format);
  }
  return format;
}

export function formatMoney(major: string, currency: string, language: LanguageCode): string {
  return moneyFormat(currency, language).format(major as unknown as number);
}

export function formatDate(iso: string, language: LanguageCode, style: "short" | "long" = "short"): string {
  const [y, m, d] = iso.split("-").map(Number);
  const at = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const key = `${language}:${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: style, timeZone: "UTC" });
    dateFormats.set(key, format);
  }
  return format.format(at);
}

const lines = (...parts: (string | null)[]) => parts.filter((p): p is string => !!p && p.trim() !== "");

/** The variables a template sees: every value already formatted for the recipient's language. */
export function buildVariables(data: MessageData, language: LanguageCode) {
  const money = (minor: number) =>
    formatMoney(formatMajor({ minor, currency: data.currency }), data.currency, language);
  const c = data.company;
  const cityLine = (postal: string | null, city: string | null) => lines(postal, city).join(" ");
  const companyAddress = lines(c.addressLine1, c.addressLine2, cityLine(c.postalCode, c.city));
  const cu = data.customer;
  const customerAddress = lines(cu.addressLine1, cu.addressLine2, cityLine(cu.postalCode, cu.city));
  const invoices = data.invoices.map((i) => ({
    number: i.number,
    date: formatDate(i.issueDate, language),
    due_date: formatDate(i.dueDate, language),
    amount: money(i.amountMinor),
    open_amount: money(i.openAmountMinor),
    days_overdue: Math.max(0, daysBetween(i.dueDate as IsoDate, data.today)),
  }));
  const open = data.invoices.reduce((s, i) => s + i.openAmountMinor, 0);
  const overdue = data.invoices
    .filter((i) => daysBetween(i.dueDate as IsoDate, data.today) > 0)
    .reduce((s, i) => s + i.openAmountMinor, 0);
  const claim = data.claim;
  const interestMajor = claim?.interest ?? "0";
  const indemnityMajor = claim?.indemnity ?? "0";
  const toMinor = (major: string) => parseMajor(major, data.currency).minor;
  const sameCurrency = !claim || claim.indemnityCurrency === data.currency;
  const totalWithPenalties = sameCurrency
    ? formatMajor({
        minor: open + toMinor(interestMajor) + toMinor(indemnityMajor),
        currency: data.currency,
      })
    : null;
  const signatureName = data.collector?.name ?? c.senderName ?? c.name;
  const dispute = data.dispute;
  return {
    today: formatDate(data.today, language, "long"),
    language,
    company: {
      name: c.name,
      address: companyAddress.join(", "),
      address_lines: companyAddress,
      phone: c.phone ?? "",
      iban: c.iban ?? "",
      bic: c.bic ?? "",
      legal_id: c.legalId ?? "",
      vat_id: c.vatId ?? "",
      legal_mentions: c.legalMentions ?? "",
      email: c.senderEmail ?? "",
    },
    customer: {
      name: cu.name,
      reference: cu.externalRef,
      address: customerAddress.join(", "),
      address_lines: customerAddress,
      legal_id: cu.legalId ?? "",
      url: data.customerUrl,
    },
    contact: { name: data.contact?.name ?? "", email: data.contact?.email ?? "" },
    invoices,
    totals: {
      count: invoices.length,
      amount: money(data.invoices.reduce((s, i) => s + i.amountMinor, 0)),
      open_amount: money(open),
      overdue_amount: money(overdue),
      with_penalties:
        totalWithPenalties === null ? "" : formatMoney(totalWithPenalties, data.currency, language),
    },
    penalties: {
      has_interest: claim !== null && toMinor(interestMajor) > 0,
      interest: formatMoney(interestMajor, data.currency, language),
      indemnity: formatMoney(indemnityMajor, claim?.indemnityCurrency ?? "EUR", language),
      indemnity_per_invoice: formatMoney("40.00", "EUR", language),
      indemnity_count: claim?.indemnityCount ?? 0,
    },
    payment_reference:
      data.invoices.length === 1 ? (data.invoices[0]?.number ?? cu.externalRef) : cu.externalRef,
    collector: {
      name: signatureName,
      email: data.collector?.email ?? c.senderEmail ?? "",
    },
    dispute: disputeVariables(dispute, language),
  };
}

/**
 * A dispute's variables (empty texts outside an email about a dispute): its reason in French or else
 * English, and its amount per currency ("1 200,00 € + 300,00 $" when its invoices are in two).
 */
function disputeVariables(dispute: DisputeFacts | null, language: LanguageCode) {
  if (!dispute) return { reason: "", amount: "", invoices: [], deadline: "", note: "", opened_by: "" };
  const totals = new Map<string, number>();
  for (const i of dispute.invoices) {
    totals.set(i.currency, (totals.get(i.currency) ?? 0) + parseMajor(i.amount, i.currency).minor);
  }
  const amount = [...totals]
    .map(([currency, minor]) => formatMoney(formatMajor({ minor, currency }), currency, language))
    .join(" + ");
  return {
    reason: language === "fr" ? dispute.reason.fr : dispute.reason.en,
    amount,
    invoices: dispute.invoices.map((i) => ({
      number: i.number,
      amount: formatMoney(i.amount, i.currency, language),
    })),
    deadline: dispute.deadline ? formatDate(dispute.deadline, language) : "",
    note: dispute.note ?? "",
    opened_by: dispute.openedBy ?? "",
  };
}
