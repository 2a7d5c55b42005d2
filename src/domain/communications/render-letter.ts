import type { Queryable } from "../../db/client";
import { DomainError } from "../../shared/errors";
import { parseMajor } from "../../shared/money";
import type { LanguageCode } from "../../shared/schemas";
import type { AppContext } from "../context";
import type { TemplateBody } from "./communications.schemas";
import { findCurrentTemplate } from "./find-template";
import { BANK_MARK, type LetterBlock, type LetterContent, letterDocument, TABLE_MARK } from "./letter-layout";
import { LETTER_WORDS } from "./letter-words";
import { renderTemplate } from "./liquid-sandbox";
import { loadMessageData } from "./message-data.repo";
import { buildVariables, formatDate, formatMoney, type MessageData } from "./message-variables";
import { pdfPageCount, renderPdf } from "./pdf-document";
import { renderLetterPdf } from "./pdf-workers";
import { customerClaimOf, languageOf, type Preloaded } from "./render-message";

export type LetterKind = "letter" | "formal_notice" | "statement";

export type LetterRequest = {
  companyId: number;
  customerId: number;
  actionId: number | null;
  templateCode: string;
  now: Date;
  /** Preview: render this body instead of the stored template; language forced by the editor. */
  body?: TemplateBody;
  language?: LanguageCode;
  /** The outbox worker's batch: the data loaded with the recipient left out (letters go to the customer). */
  preloaded?: Preloaded;
  /** Lay the PDF out on a PDF thread (the outbox worker's letters), not in this thread. */
  onPdfThread?: boolean;
};

export type RenderedLetter = {
  pdf: Buffer;
  pages: number;
  kind: LetterKind;
  isRegistered: boolean;
  language: LanguageCode;
  subject: string;
  text: string;
  letterDate: string;
  fileName: string;
  recipientLines: string[];
};

/** The shipped account statement's template code (channel letter). */
export const STATEMENT_TEMPLATE = "statement";

/** A formal notice goes by registered letter with acknowledgement of receipt (C. civ. art. 1344). */
export function kindOfTemplate(code: string): LetterKind {
  if (code === STATEMENT_TEMPLATE || code.endsWith(".statement")) return "statement";
  return code.includes("formal-notice") ? "formal_notice" : "letter";
}

/** French-style window on the right for these countries, DIN 5008 (left) elsewhere. */
const RIGHT_WINDOW = new Set(["FR", "BE", "LU", "MC"]);

type LetterClaim = { claim: MessageData["claim"]; interestByNumber: Map<string, string> };

async function letterClaimOf(
  ctx: AppContext,
  request: LetterRequest,
  currency: string,
): Promise<LetterClaim> {
  const claim = await customerClaimOf(ctx, request.customerId, request.now, request.preloaded);
  const own = claim.totals.find((t) => t.currency === currency);
  const items = claim.items.filter((i) => i.currency === currency);
  const interestByNumber = new Map(items.map((i) => [i.number, i.interest]));
  if (!own) return { claim: null, interestByNumber };
  const indemnified = items.filter((i) => Number(i.compensation) > 0);
  const indemnityCurrency = indemnified[0]?.compensationCurrency ?? currency;
  const indemnity = claim.totals.find((t) => t.currency === indemnityCurrency)?.compensation ?? "0.00";
  return {
    claim: { interest: own.interest, indemnity, indemnityCurrency, indemnityCount: indemnified.length },
    interestByNumber,
  };
}

/** Paragraphs separated by blank lines; the two marks stand alone; a missing table goes after the first paragraph. */
export function letterBlocks(text: string): LetterBlock[] {
  const blocks: LetterBlock[] = text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => (p === TABLE_MARK ? TABLE_MARK : p === BANK_MARK ? BANK_MARK : p));
  if (!blocks.includes(TABLE_MARK)) blocks.splice(Math.min(1, blocks.length), 0, TABLE_MARK);
  return blocks;
}

const regionNames = new Map<LanguageCode, Intl.DisplayNames>();

function countryName(code: string, language: LanguageCode): string {
  let names = regionNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: "region" });
    regionNames.set(language, names);
  }
  return names.of(code)?.toUpperCase() ?? code;
}

/**
 * Renders a letter (a step's letter, the formal notice, the account statement) as PDF: the company's
 * letter template (or the shipped one) in the recipient's language, laid out with letterhead, window
 * address, invoice table, claim (interest and indemnity from the legal module) and bank details.
 */
export async function renderLetter(
  ctx: AppContext,
  q: Queryable,
  request: LetterRequest,
): Promise<RenderedLetter> {
  const data = request.preloaded?.data ?? (await loadMessageData(q, { ...request, recipient: null }));
  const language = request.language ?? languageOf(data);
  const key = { code: request.templateCode, language, channel: "letter" as const };
  const template =
    request.body ??
    (await (request.preloaded
      ? request.preloaded.findTemplate(key)
      : findCurrentTemplate(q, request.companyId, key)));
  if (!template)
    throw new DomainError("NOT_FOUND", `No letter template ${request.templateCode} (${language})`);
  const kind = kindOfTemplate(request.templateCode);
  const { claim, interestByNumber } = await letterClaimOf(ctx, request, data.currency);
  const variables = {
    ...buildVariables({ ...data, claim, customerUrl: "", dispute: null }, language),
    invoice_table: TABLE_MARK,
    bank_details: BANK_MARK,
  };
  const [subject, text] = await Promise.all([
    renderTemplate("subject", template.subject, variables),
    renderTemplate("text", template.text, variables),
  ]);
  const words = LETTER_WORDS[language];
  const { companyCountry, customerCountry } = data;
  const toMinor = (major: string) => parseMajor(major, data.currency).minor;
  const rows = variables.invoices.map((invoice) => {
    const interest = interestByNumber.get(invoice.number);
    return {
      ...invoice,
      dueDate: invoice.due_date,
      open: invoice.open_amount,
      daysOverdue: invoice.days_overdue,
      interest: interest === undefined ? null : formatMoney(interest, data.currency, language),
    };
  });
  const hasInterest = claim !== null && toMinor(claim.interest) > 0;
  const hasIndemnity = claim !== null && claim.indemnityCount > 0;
  const totals = [
    { label: words.principal, value: variables.totals.open_amount, isStrong: !hasInterest && !hasIndemnity },
  ];
  if (hasInterest)
    totals.push({ label: words.lateInterest, value: variables.penalties.interest, isStrong: false });
  if (hasIndemnity)
    totals.push({ label: words.indemnity, value: variables.penalties.indemnity, isStrong: false });
  if ((hasInterest || hasIndemnity) && variables.totals.with_penalties !== "") {
    totals.push({ label: words.totalDue, value: variables.totals.with_penalties, isStrong: true });
  }
  const c = data.company;
  const cityLine = [c.postalCode, c.city].filter(Boolean).join(" ");
  const cu = data.customer;
  const recipientLines = [cu.name, ...variables.customer.address_lines];
  if (customerCountry && customerCountry !== companyCountry)
    recipientLines.push(countryName(customerCountry, language));
  const content: LetterContent = {
    words,
    window: RIGHT_WINDOW.has(companyCountry) ? "right" : "left",
    sender: {
      name: c.name,
      addressLines: [c.addressLine1, c.addressLine2, cityLine].filter(
        (l): l is string => !!l && l.trim() !== "",
      ),
      contactLine: [c.phone, c.senderEmail].filter(Boolean).join(" · "),
      legalLine: [
        c.legalId ? `${words.legalId} ${c.legalId}` : "",
        c.vatId ? `${words.vatId} ${c.vatId}` : "",
      ]
        .filter(Boolean)
        .join(" — "),
      legalMentions: c.legalMentions ?? "",
    },
    recipientLines,
    mention: kind === "formal_notice" ? words.registered : null,
    placeAndDate: words.placeAndDate(c.city ?? "", formatDate(data.today, language, "long")),
    title: kind === "statement" ? words.statementTitle(formatDate(data.today, language, "long")) : null,
    subject: subject.replace(/\s+/g, " ").trim(),
    body: letterBlocks(text),
    rows,
    showInterest: kind !== "letter" && hasInterest,
    totals,
    bank: c.iban ? { iban: c.iban, bic: c.bic ?? "", reference: variables.payment_reference } : null,
  };
  const pdf = request.onPdfThread
    ? await renderLetterPdf(language, content)
    : await renderPdf(letterDocument(content));
  const safeRef = cu.externalRef.replace(/[^A-Za-z0-9_-]+/g, "_");
  return {
    pdf,
    pages: pdfPageCount(pdf),
    kind,
    isRegistered: kind === "formal_notice",
    language,
    subject: content.subject,
    text,
    letterDate: data.today,
    fileName: `${kind.replace("_", "-")}-${safeRef}-${data.today}.pdf`,
    recipientLines,
  };
}
