import { createRequire } from "node:module";

/**
 * pdfkit parses the Adobe metrics file (AFM) of a standard font again for every document and every
 * style, which costs more than laying out a one-page letter. The metrics never change, so each
 * font's parsed metrics are kept once per process and shared by every document (the font object
 * itself, with its id and PDF dictionary, stays per document). Falls back to pdfkit's own path for
 * anything else.
 */
type FontObject = { name?: string; id: string; document: unknown; dictionary?: unknown; embedded?: boolean };
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
        if (made) templates.set(src, made);
        return result;
      }
    }
    return original.call(this, src, family, size);
  };
}
