import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import type { LetterWords } from "./letter-words";
import { pdfSafe } from "./pdf-document";

const MM = 72 / 25.4;

/**
 * Where the recipient's address goes, for window envelopes (DL/C5-6, 45 × 100 mm window):
 * - right: the French norm (NF Z 11-001 practice), window 110 mm from the left and 50 mm from the top;
 * - left: DIN 5008 form B (also the British and most European envelopes), 20 mm from the left, 45 mm from the top.
 */
export const WINDOWS = {
  right: { x: 110 * MM, y: 50 * MM, width: 85 * MM },
  left: { x: 20 * MM, y: 45 * MM, width: 85 * MM },
} as const;
export type WindowPosition = keyof typeof WINDOWS;

export type LetterRow = {
  number: string;
  date: string;
  dueDate: string;
  amount: string;
  open: string;
  daysOverdue: number;
  interest: string | null;
};

export const TABLE_MARK = "[[invoice_table]]";
export const BANK_MARK = "[[bank_details]]";
export type LetterBlock = string | typeof TABLE_MARK | typeof BANK_MARK;

/** Everything a letter shows, already formatted in the recipient's language. */
export type LetterContent = {
  words: LetterWords;
  window: WindowPosition;
  sender: {
    name: string;
    addressLines: string[];
    contactLine: string;
    legalLine: string;
    legalMentions: string;
  };
  recipientLines: string[];
  /** Printed above the address (registered letter). */
  mention: string | null;
  placeAndDate: string;
  /** A statement's title, printed above the subject. */
  title: string | null;
  subject: string;
  /** The template's paragraphs, with the places of the invoice table (and totals) and the bank details. */
  body: LetterBlock[];
  rows: LetterRow[];
  showInterest: boolean;
  totals: { label: string; value: string; isStrong: boolean }[];
  bank: { iban: string; bic: string; reference: string } | null;
};

/** A paragraph of the template: `**…**` around it makes it bold. */
function paragraph(source: string): Content {
  const bold = /^\*\*([\s\S]+)\*\*$/.exec(source.trim());
  return { text: pdfSafe(bold ? bold[1]! : source), bold: !!bold, margin: [0, 0, 0, 6] };
}

function invoiceTable(c: LetterContent): Content {
  const w = c.words;
  const head = [w.invoice, w.date, w.dueDate, w.amount, w.open, w.daysOverdue];
  if (c.showInterest) head.push(w.interest);
  const right = (text: string | number) => ({ text: pdfSafe(String(text)), alignment: "right" as const });
  const body = c.rows.map((r) => {
    const row: Content[] = [pdfSafe(r.number), pdfSafe(r.date), pdfSafe(r.dueDate), right(r.amount)];
    row.push(right(r.open), right(r.daysOverdue));
    if (c.showInterest) row.push(right(r.interest ?? ""));
    return row;
  });
  const widths = c.showInterest ? ["*", 52, 52, 62, 62, 38, 52] : ["*", 58, 58, 70, 70, 48];
  return {
    table: {
      headerRows: 1,
      widths,
      body: [head.map((h) => ({ text: pdfSafe(h), bold: true, fillColor: "#eeeeee" })), ...body],
    },
    layout: "lightHorizontalLines",
    fontSize: 8.5,
    margin: [0, 2, 0, 6],
  };
}

function totalsTable(c: LetterContent): Content {
  return {
    table: {
      widths: ["*", 90],
      body: c.totals.map((t) => [
        { text: pdfSafe(t.label), bold: t.isStrong, alignment: "right" },
        { text: pdfSafe(t.value), bold: t.isStrong, alignment: "right" },
      ]),
    },
    layout: "noBorders",
    fontSize: 9,
    margin: [0, 0, 0, 10],
  };
}

function bankBox(c: LetterContent): Content[] {
  if (!c.bank) return [];
  const w = c.words;
  const lines = [`IBAN : ${c.bank.iban}`, `BIC : ${c.bank.bic}`, `${w.reference} : ${c.bank.reference}`];
  const english = w.subject.endsWith(":") && !w.subject.endsWith(" :");
  const text = english ? lines.map((l) => l.replace(" : ", ": ")) : lines;
  return [
    {
      table: {
        widths: ["*"],
        body: [[{ stack: [{ text: pdfSafe(w.bankDetails), bold: true }, ...text.map(pdfSafe)] }]],
      },
      layout: { hLineColor: () => "#999999", vLineColor: () => "#999999" },
      fontSize: 9,
      margin: [0, 4, 0, 10],
    },
  ];
}

/** The letterhead, the address in the envelope's window, then the text; legal mentions at the foot of each page. */
export function letterDocument(c: LetterContent): TDocumentDefinitions {
  const window = WINDOWS[c.window];
  const s = c.sender;
  const head: Content = {
    stack: [
      { text: pdfSafe(s.name), bold: true, fontSize: 13 },
      ...s.addressLines.map((l) => ({ text: pdfSafe(l) })),
      ...(s.contactLine ? [{ text: pdfSafe(s.contactLine) }] : []),
    ],
    fontSize: 9,
    absolutePosition: { x: 20 * MM, y: 15 * MM },
  };
  const returnLine = [s.name, ...s.addressLines].join(" · ");
  const address: Content = {
    columns: [
      {
        width: window.width,
        stack: [
          { text: pdfSafe(returnLine), fontSize: 6.5, color: "#555555", margin: [0, 0, 0, 3] },
          ...(c.mention
            ? [{ text: pdfSafe(c.mention), bold: true, fontSize: 8.5, margin: [0, 0, 0, 3] }]
            : []),
          ...c.recipientLines.map((l, i) => ({ text: pdfSafe(l), bold: i === 0 })),
        ] as Content[],
      },
    ],
    fontSize: 10.5,
    absolutePosition: { x: window.x, y: window.y },
  };
  const body = c.body.flatMap((block): Content[] => {
    if (block === TABLE_MARK) {
      return [
        ...(c.rows.length > 0 ? [invoiceTable(c)] : []),
        ...(c.totals.length > 0 ? [totalsTable(c)] : []),
      ];
    }
    if (block === BANK_MARK) return bankBox(c);
    return [paragraph(block)];
  });
  const foot = [s.legalMentions, s.legalLine].filter((l) => l.trim() !== "").join(" — ");
  return {
    pageSize: "A4",
    pageMargins: [20 * MM, 20 * MM, 20 * MM, 22 * MM],
    info: { title: pdfSafe(c.subject), author: pdfSafe(s.name), creator: "Encours" },
    defaultStyle: { fontSize: 9.5, lineHeight: 1.15 },
    content: [
      head,
      address,
      // The text starts below the window zone (about 100 mm from the top of the first page).
      { text: pdfSafe(c.placeAndDate), alignment: "right", margin: [0, 78 * MM, 0, 10] },
      ...(c.title
        ? [{ text: pdfSafe(c.title), bold: true, fontSize: 13, margin: [0, 0, 0, 6] } as Content]
        : []),
      { text: pdfSafe(`${c.words.subject} ${c.subject}`), bold: true, margin: [0, 0, 0, 10] },
      ...body,
    ],
    footer: (page, count) => ({
      stack: [
        { text: pdfSafe(foot), alignment: "center", fontSize: 7, color: "#555555" },
        { text: pdfSafe(c.words.page(page, count)), alignment: "right", fontSize: 7, color: "#555555" },
      ],
      margin: [20 * MM, 4, 20 * MM, 0],
    }),
  };
}
