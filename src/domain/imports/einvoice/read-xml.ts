import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { XmlElement } from "./xml-element";

export type XmlDocument = { root: XmlElement; namespace: string | null };
export type ReadXmlResult = { ok: true; document: XmlDocument } | { ok: false; message: string };

type RawNode = string | { [key: string]: RawNode[] | Record<string, string> | string };

const ATTRIBUTES = "@";
const TEXT = "#text";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  attributesGroupName: ATTRIBUTES,
  textNodeName: TEXT,
  removeNSPrefix: true,
  // Amounts, codes and identifiers stay strings: "0088" and "529.870" must not become numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // The predefined XML entities and character references (&amp; &#233;); DTDs are refused before.
  htmlEntities: true,
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
});

/** Detects the encoding from the byte-order mark or the XML declaration; UTF-8 by default. */
function decode(bytes: Uint8Array): string | null {
  let label = "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) label = "utf-16le";
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = "utf-16be";
  else {
    const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
    const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
    if (declared) label = declared.toLowerCase();
  }
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function toElement(name: string, node: RawNode): XmlElement {
  if (typeof node === "string") return { name, text: node, attributes: {}, children: [] };
  const children: XmlElement[] = [];
  let text = "";
  let attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === TEXT) text = String(value);
    else if (key === ATTRIBUTES) attributes = value as Record<string, string>;
    else for (const child of value as RawNode[]) children.push(toElement(key, child));
  }
  return { name, text, attributes, children };
}

/** The namespace bound to the root element's prefix, read from its start tag. */
function rootNamespace(text: string): string | null {
  const body = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, "");
  const start = /<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?(\s[^>]*)?>/.exec(body);
  if (!start) return null;
  const prefix = start[2] === undefined ? null : start[1];
  const declaration =
    prefix === null
      ? /\sxmlns\s*=\s*["']([^"']*)["']/
      : new RegExp(`\\sxmlns:${prefix}\\s*=\\s*["']([^"']*)["']`);
  return declaration.exec(start[3] ?? "")?.[1] ?? null;
}

/**
 * Parses an e-invoice's XML without ever processing a DTD: EN 16931 syntaxes have none, and a
 * DOCTYPE is how XXE and entity-expansion ("billion laughs") attacks get in.
 */
export function readXml(bytes: Uint8Array): ReadXmlResult {
  const text = decode(bytes);
  if (text === null) return { ok: false, message: "the file is not valid text in its declared encoding" };
  if (!text.trimStart().startsWith("<")) return { ok: false, message: "the file is not an XML document" };
  if (/<!DOCTYPE/i.test(text)) {
    return {
      ok: false,
      message: "the XML declares a DOCTYPE, which e-invoices never do: refused (XXE protection)",
    };
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    return {
      ok: false,
      message: `the XML is not well-formed (truncated?) at line ${line}, column ${col}: ${msg}`,
    };
  }
  const parsed = parser.parse(text) as Record<string, RawNode[]>;
  const [rootName, nodes] = Object.entries(parsed)[0] ?? [];
  const rootNode = nodes?.[0];
  if (rootName === undefined || rootNode === undefined)
    return { ok: false, message: "the XML has no root element" };
  return { ok: true, document: { root: toElement(rootName, rootNode), namespace: rootNamespace(text) } };
}
