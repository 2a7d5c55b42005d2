import { createRequire } from "node:module";

/**
 * pdfkit parses the Adobe metrics file (AFM) of a standard font again for every document and every
 * style, which costs more than laying out a one-page letter. The metrics never change, so each
 * font's parsed metrics are kept once per process and shared by every document (the font object
 * itself, with its id and PDF dictionary, stays per document). Falls back to pdfkit's own path for
 * anything else.
 */
type AfmMetrics = { kernPairs: Record<string, number>; getKernPair(left: string, right: string): number };
type FontObject = {
  name?: string;
  id: string;
  document: unknown;
  dictionary?: unknown;
  embedded?: boolean;
  font?: AfmMetrics;
  widthOfString?: (text: string, size: number) => number;
};
type PdfKitDocument = {
  _fontFamilies: Record<string, FontObject>;
  _fontCount: number;
  _registeredFonts: Record<string, unknown>;
  font(src: unknown, family?: unknown, size?: unknown): PdfKitDocument;
};

const STANDARD = new Set([
  "Courier",
  "Courier-Bold",
  "Courier-Oblique",
  "Courier-BoldOblique",
  "Helvetica",
  "Helvetica-Bold",
  "Helvetica-Oblique",
  "Helvetica-BoldOblique",
  "Times-Roman",
  "Times-Bold",
  "Times-Italic",
  "Times-BoldItalic",
  "Symbol",
  "ZapfDingbats",
]);

/** Widths remembered per font (in 1/1000 em): the same words come back in every letter. */
const WIDTHS_BOUND = 50_000;

/**
 * The shared metrics answer faster, with the same figures: kerning pairs in a map per left glyph
 * instead of one string key built for every pair of letters, and each string's width (the sum of
 * its advances, as pdfkit computes it) remembered, then scaled exactly as pdfkit scales it.
 */
function speedUpMetrics(template: FontObject): FontObject {
  const metrics = template.font;
  const measure = template.widthOfString;
  if (!metrics || typeof metrics.kernPairs !== "object" || typeof measure !== "function") return template;
  const kerning = new Map<string, Map<string, number>>();
  for (const [pair, value] of Object.entries(metrics.kernPairs)) {
    const [left = "", right = ""] = pair.split("\u0000");
    let rights = kerning.get(left);
    if (!rights) {
      rights = new Map();
      kerning.set(left, rights);
    }
    rights.set(right, value);
  }
  metrics.getKernPair = (left, right) => kerning.get(left)?.get(right) || 0;
  const widths = new Map<string, number>();
  template.widthOfString = function widthOfString(this: FontObject, text: string, size: number) {
    const key = `${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      width = measure.call(this, key, 1000);
      if (widths.size >= WIDTHS_BOUND) widths.clear();
      widths.set(key, width);
    }
    return width * (size / 1000);
  };
  return template;
}

let isInstalled = false;

export function installStandardFontCache(): void {
  if (isInstalled) return;
  isInstalled = true;
  const require = createRequire(import.meta.url);
  const pdfmakeDocument = (require("pdfmake/js/PDFDocument") as { default: { prototype: PdfKitDocument } })
    .default;
  const proto = pdfmakeDocument.prototype;
  const original = proto.font;
  const templates = new Map<string, FontObject>();
  proto.font = function font(this: PdfKitDocument, src: unknown, family?: unknown, size?: unknown) {
    const isCacheable =
      typeof src === "string" &&
      STANDARD.has(src) &&
      (family === undefined || family === null || typeof family === "number") &&
      !this._registeredFonts[src] &&
      !this._fontFamilies[src];
    if (isCacheable) {
      const template = templates.get(src);
      if (template) {
        const copy: FontObject = Object.assign(Object.create(Object.getPrototypeOf(template)), template, {
          document: this,
          id: `F${++this._fontCount}`,
          dictionary: undefined,
          embedded: false,
        });
        this._fontFamilies[src] = copy;
      } else {
        const result = original.call(this, src, family, size);
        const made = this._fontFamilies[src];
        if (made) templates.set(src, speedUpMetrics(made));
        return result;
      }
    }
    return original.call(this, src, family, size);
  };
}
