import type { TemplateBody } from "./communications.schemas";

/** The pieces a language provides once, shared by all its shipped emails (Liquid, text and HTML). */
export type LanguageBlocks = {
  invoicesText: string;
  invoicesHtml: string;
  bankText: string;
  bankHtml: string;
  signatureText: string;
  signatureHtml: string;
};

/** A paragraph (Liquid allowed, `\n` = line break) or a shared block. */
export type Block = string | "INVOICES" | "BANK" | "SIGNATURE";

const HTML_OPEN =
  '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#212529;max-width:680px">';

/**
 * Builds a shipped email from its paragraphs: the text part and an HTML part with the same words,
 * so that the two never say different things. The result is an ordinary template a company can edit.
 */
export function compose(blocks: LanguageBlocks, subject: string, parts: readonly Block[]): TemplateBody {
  const text = parts
    .map((part) => {
      if (part === "INVOICES") return blocks.invoicesText;
      if (part === "BANK") return blocks.bankText;
      if (part === "SIGNATURE") return blocks.signatureText;
      return part;
    })
    .join("\n\n");
  const html = parts
    .map((part) => {
      if (part === "INVOICES") return blocks.invoicesHtml;
      if (part === "BANK") return blocks.bankHtml;
      if (part === "SIGNATURE") return blocks.signatureHtml;
      return `<p>${part.replaceAll("\n", "<br>\n")}</p>`;
    })
    .join("\n");
  return { subject, text: `${text}\n`, html: `${HTML_OPEN}\n${html}\n</div>\n` };
}

const CELL = 'style="padding:6px 8px;border-bottom:1px solid #dee2e6"';
const NUM = 'style="padding:6px 8px;border-bottom:1px solid #dee2e6;text-align:right;white-space:nowrap"';

/** The invoice table in HTML, with the column titles of a language. */
export function invoiceTableHtml(titles: {
  number: string;
  date: string;
  dueDate: string;
  amount: string;
  open: string;
  late: string;
  total: string;
}): string {
  const th = (label: string, right = false) =>
    `<th style="padding:6px 8px;text-align:${right ? "right" : "left"};background:#f1f3f5">${label}</th>`;
  return [
    '<table style="border-collapse:collapse;width:100%;margin:8px 0 16px">',
    `<thead><tr>${th(titles.number)}${th(titles.date)}${th(titles.dueDate)}${th(titles.amount, true)}${th(titles.open, true)}${th(titles.late, true)}</tr></thead>`,
    "<tbody>",
    "{%- for invoice in invoices %}",
    `<tr><td ${CELL}>{{ invoice.number }}</td><td ${CELL}>{{ invoice.date }}</td><td ${CELL}>{{ invoice.due_date }}</td><td ${NUM}>{{ invoice.amount }}</td><td ${NUM}>{{ invoice.open_amount }}</td><td ${NUM}>{{ invoice.days_overdue }}</td></tr>`,
    "{%- endfor %}",
    "</tbody>",
    `<tfoot><tr><td colspan="4" style="padding:6px 8px;font-weight:bold">${titles.total}</td><td ${NUM}><strong>{{ totals.open_amount }}</strong></td><td></td></tr></tfoot>`,
    "</table>",
  ].join("\n");
}
