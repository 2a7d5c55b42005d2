import {
  decodePDFRawStream,
  ParseSpeeds,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFString,
} from "pdf-lib";

/**
 * The names under which the hybrid PDF standards embed their XML: Factur-X 1.0 and ZUGFeRD 2.1+
 * ("factur-x.xml"), ZUGFeRD 2.0 ("zugferd-invoice.xml"), ZUGFeRD 1.0 ("ZUGFeRD-invoice.xml") and
 * XRechnung in a ZUGFeRD PDF ("xrechnung.xml"). Compared in lower case.
 */
export const EMBEDDED_INVOICE_NAMES = ["factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml"] as const;

export type ExtractPdfXmlResult =
  | { kind: "found"; fileName: string; bytes: Uint8Array }
  | { kind: "none"; embeddedFiles: string[] }
  | { kind: "unreadable"; message: string };

type FileSpec = { name: string; spec: PDFDict };

function decodeName(object: PDFObject | undefined): string | null {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : null;
}

/** The leaves of the catalog's /Names /EmbeddedFiles name tree (ISO 32000-1, 7.9.6). */
function walkNameTree(node: PDFDict, seen: Set<PDFDict>, out: FileSpec[]): void {
  if (seen.has(node)) return;
  seen.add(node);
  const names = node.lookup(PDFName.of("Names"));
  if (names instanceof PDFArray) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const spec = names.lookup(i + 1);
      const name = decodeName(names.lookup(i));
      if (spec instanceof PDFDict && name !== null) out.push({ name, spec });
    }
  }
  const kids = node.lookup(PDFName.of("Kids"));
  if (kids instanceof PDFArray) {
    for (let i = 0; i < kids.size(); i += 1) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) walkNameTree(kid, seen, out);
    }
  }
}

/** Embedded files of the name tree, then the catalog's /AF associated files (PDF/A-3) as a fallback. */
function fileSpecs(document: PDFDocument): FileSpec[] {
  const out: FileSpec[] = [];
  const tree = document.catalog.lookup(PDFName.of("Names"));
  const embedded = tree instanceof PDFDict ? tree.lookup(PDFName.of("EmbeddedFiles")) : undefined;
  if (embedded instanceof PDFDict) walkNameTree(embedded, new Set(), out);
  const associated = document.catalog.lookup(PDFName.of("AF"));
  if (associated instanceof PDFArray) {
    for (let i = 0; i < associated.size(); i += 1) {
      const spec = associated.lookup(i);
      if (!(spec instanceof PDFDict)) continue;
      const name = decodeName(spec.lookup(PDFName.of("UF"))) ?? decodeName(spec.lookup(PDFName.of("F")));
      if (name !== null) out.push({ name, spec });
    }
  }
  return out;
}

function contentOf(spec: PDFDict): Uint8Array | null {
  const files = spec.lookup(PDFName.of("EF"));
  if (!(files instanceof PDFDict)) return null;
  const stream = files.lookup(PDFName.of("UF")) ?? files.lookup(PDFName.of("F"));
  return stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : null;
}

function baseName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? name).trim().toLowerCase();
}

/** Finds the Factur-X / ZUGFeRD / XRechnung XML embedded in a PDF (a PDF/A-3 attachment). */
export async function extractPdfXml(bytes: Uint8Array): Promise<ExtractPdfXmlResult> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
      parseSpeed: ParseSpeeds.Fastest,
    });
  } catch (error) {
    return { kind: "unreadable", message: error instanceof Error ? error.message : String(error) };
  }
  if (document.isEncrypted) return { kind: "unreadable", message: "the PDF is encrypted" };
  const specs = fileSpecs(document);
  const wanted = new Set<string>(EMBEDDED_INVOICE_NAMES);
  for (const { name, spec } of specs) {
    if (!wanted.has(baseName(name))) continue;
    try {
      const content = contentOf(spec);
      if (content !== null) return { kind: "found", fileName: name, bytes: content };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { kind: "unreadable", message: `the embedded ${name} cannot be decoded: ${reason}` };
    }
  }
  return { kind: "none", embeddedFiles: [...new Set(specs.map((s) => s.name))] };
}
