import pdfmake from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces";
import { installStandardFontCache } from "./standard-font-cache";

/**
 * PDF through pdfmake with the PDF standard fonts (Helvetica): nothing to embed, small files, and
 * the text stays readable in the file (WinAnsi), which is what postal providers and tests read.
 * The standard fonts cover Western European languages; other characters are transliterated.
 */
const FONTS = {
  Helvetica: {
    normal: "Helvetica",
    bold: "Helvetica-Bold",
    italics: "Helvetica-Oblique",
    bolditalics: "Helvetica-BoldOblique",
  },
};
const STANDARD_FONT_NAMES = new Set(Object.values(FONTS.Helvetica));

let isConfigured = false;
function configure(): void {
  if (isConfigured) return;
  pdfmake.setFonts(FONTS);
  installStandardFontCache();
  // A template can never make the PDF engine read a file or fetch a URL: only the standard fonts.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => STANDARD_FONT_NAMES.has(path));
  isConfigured = true;
}

/** Unicode code points that WinAnsi (the standard fonts' encoding) has above 0xFF. */
const WIN_ANSI_EXTRA = new Set([
  402, 8211, 8212, 8216, 8217, 8218, 8220, 8221, 8222, 8224, 8225, 8226, 8230, 8364, 8240, 8249, 8250, 710,
  8482, 338, 339, 732, 352, 353, 376, 381, 382,
]);
const SPACES = /[\u2000-\u200a\u202f\u205f\u2007]/g;

/**
 * Text the standard fonts can draw: narrow and thin spaces (French number formatting) become
 * no-break spaces, accents outside Latin-1 are dropped (ł → l), anything else becomes "?".
 */
const BEYOND_LATIN_1 = /[\u0100-\uffff]/;

export function pdfSafe(text: string): string {
  const spaced = text.replace(SPACES, "\u00a0");
  // Almost every text is Latin-1 already: nothing to look at character by character.
  if (!BEYOND_LATIN_1.test(spaced)) return spaced;
  let out = "";
  for (const char of spaced) {
    const code = char.codePointAt(0) ?? 63;
    if (code <= 0xff || WIN_ANSI_EXTRA.has(code)) {
      out += char;
      continue;
    }
    const base = char.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    const baseCode = base.codePointAt(0) ?? 63;
    out += base.length === 1 && baseCode <= 0xff ? base : char === "ł" ? "l" : char === "Ł" ? "L" : "?";
  }
  return out;
}

/** Renders a document definition to a PDF file in memory. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf({ ...doc, defaultStyle: { font: "Helvetica", ...doc.defaultStyle } }).getBuffer();
}

/** Page count of a PDF produced here (the page tree's /Count), without parsing the whole file. */
export function pdfPageCount(pdf: Buffer): number {
  const counts = [...pdf.toString("latin1").matchAll(/\/Type \/Pages\b[\s\S]*?\/Count (\d+)/g)];
  return Math.max(1, ...counts.map((m) => Number(m[1])));
}
