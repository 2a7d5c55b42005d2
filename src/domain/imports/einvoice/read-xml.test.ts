import { describe, expect, it } from "vitest";
import { readXml } from "./read-xml";
import { firstAt, textAt } from "./xml-element";

const encode = (text: string) => new TextEncoder().encode(text);

describe("readXml", () => {
  it("removes namespace prefixes, keeps attributes, decodes entities and character references", () => {
    const result = readXml(
      encode(
        `<?xml version="1.0" encoding="UTF-8"?><!-- note --><rsm:CrossIndustryInvoice xmlns:rsm="urn:x" xmlns:ram="urn:y"><ram:Name schemeID="0088">Grundbesitz GmbH &amp; Co. &#233;&#xE9;</ram:Name><ram:Amount>0088.10</ram:Amount></rsm:CrossIndustryInvoice>`,
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { root, namespace } = result.document;
    expect(root.name).toBe("CrossIndustryInvoice");
    expect(namespace).toBe("urn:x");
    expect(textAt(root, "Name")).toBe("Grundbesitz GmbH & Co. éé");
    expect(firstAt(root, "Name")?.attributes).toEqual({ schemeID: "0088" });
    // Strings stay strings: no number parsing of amounts or leading-zero identifiers.
    expect(textAt(root, "Amount")).toBe("0088.10");
  });

  it("reads the default namespace of a UBL root", () => {
    const result = readXml(
      encode('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>1</ID></Invoice>'),
    );
    expect(result.ok && result.document.namespace).toBe(
      "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    );
  });

  it("honours a declared ISO-8859-1 encoding and a UTF-16 byte-order mark", () => {
    const latin1 = new Uint8Array([
      ...encode('<?xml version="1.0" encoding="ISO-8859-1"?><a><b>M'),
      0xfc,
      ...encode("nchen</b></a>"),
    ]);
    const latin = readXml(latin1);
    expect(latin.ok && textAt(latin.document.root, "b")).toBe("München");
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([..."<a><b>ß</b></a>"].map((c) => c.charCodeAt(0))).buffer),
    ]);
    const wide = readXml(utf16);
    expect(wide.ok && textAt(wide.document.root, "b")).toBe("ß");
  });

  it("refuses a DOCTYPE: no external entity (XXE) and no entity expansion bomb", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>`;
    const laughs = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><r>&b;</r>`;
    for (const text of [xxe, laughs]) {
      const result = readXml(encode(text));
      expect(result).toEqual({ ok: false, message: expect.stringMatching(/DOCTYPE.*refused/) });
    }
  });

  it.each([
    ["<a><b>text</b>", /not well-formed/],
    ["<a><b>text</c></a>", /not well-formed/],
    ["%PDF-1.7 nonsense", /not an XML document/],
    ["", /not an XML document/],
  ])("refuses %j", (text, message) => {
    expect(readXml(encode(text))).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it("refuses bytes that are not valid UTF-8", () => {
    expect(readXml(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]))).toEqual({
      ok: false,
      message: expect.stringMatching(/not valid text/),
    });
  });
});
