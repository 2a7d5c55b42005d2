import { type IsoDate, isIsoDate } from "../../../shared/dates";
import { parseMajor } from "../../../shared/money";
import type { EInvoiceSyntax } from "./einvoice.types";

/**
 * UNTDID 1001 document types of the credit-note family that EN 16931 allows (BT-3): 81, 83, 261
 * (self-billed credit note), 262, 296, 308, 381 (credit note), 396, 420, 458, 532. Every other code
 * (380 invoice, 384 corrected invoice, 389 self-billed invoice, 386 prepayment, 575 insurer's
 * invoice…) is a claim on the buyer: an invoice.
 */
export const CREDIT_NOTE_TYPE_CODES: ReadonlySet<string> = new Set([
  "81",
  "83",
  "261",
  "262",
  "296",
  "308",
  "381",
  "396",
  "420",
  "458",
  "532",
]);

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Encours signs documents from the seller's side: invoices positive, credit notes negative. A
 * credit-note document carries positive amounts, so it is negated; a negative invoice (380 with a
 * negative total, EN 16931 allows it instead of a credit note) is a credit note too, and a
 * negative credit note a claim on the buyer, i.e. an invoice.
 */
export function documentSign(input: { isCreditNote: boolean; totalMinor: number }): {
  type: "invoice" | "credit_note";
  sign: 1 | -1;
} {
  const sign = input.isCreditNote ? -1 : 1;
  const signed = sign * input.totalMinor;
  const type = signed < 0 || (signed === 0 && input.isCreditNote) ? "credit_note" : "invoice";
  return { type, sign };
}

const CII_102 = /^(\d{4})(\d{2})(\d{2})$/;
const XSD_DATE = /^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$/;

/**
 * CII writes dates as udt:DateTimeString with format 102 (CCYYMMDD), the only one EN 16931 allows
 * for BT-2 and BT-9; UBL as xsd:date (YYYY-MM-DD, an optional time zone that does not change the day).
 */
export function parseEInvoiceDate(
  text: string,
  syntax: EInvoiceSyntax,
  format: string | undefined,
): Parsed<IsoDate> {
  const value = text.trim();
  if (syntax === "CII") {
    if (format !== undefined && format !== "102") {
      return {
        ok: false,
        message: `date format ${format} is not allowed here, EN 16931 requires 102 (YYYYMMDD)`,
      };
    }
    const m = CII_102.exec(value);
    const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : "";
    return isIsoDate(iso)
      ? { ok: true, value: iso }
      : { ok: false, message: "is not a calendar date in format 102 (YYYYMMDD)" };
  }
  const iso = XSD_DATE.exec(value)?.[1] ?? "";
  return isIsoDate(iso)
    ? { ok: true, value: iso }
    : { ok: false, message: "is not a calendar date YYYY-MM-DD" };
}

/**
 * An xsd:decimal amount in minor units of the invoice currency, never through a float. More
 * decimals than the currency has are refused, not rounded: EN 16931 amounts have at most two.
 */
export function parseEInvoiceAmount(text: string, currency: string): Parsed<number> {
  const value = text.trim().replace(/^\+/, "");
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(value)) return { ok: false, message: "is not a decimal amount" };
  const normalized = value.replace(/^(-?)\./, (_all, minus: string) => `${minus}0.`).replace(/\.$/, "");
  try {
    return { ok: true, value: parseMajor(normalized, currency).minor };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Names and identifiers on one line: "Herrn\nMax Mustermann" → "Herrn Max Mustermann". */
export function singleLine(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, " ").trim() ?? "";
  return text === "" ? null : text;
}

/** Accent-free, lower-case, hyphenated: "Kunden AG  Mitte" and "KUNDEN AG MITTE" give "kunden-ag-mitte". */
export function nameKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * The customer's external reference, stable across the invoices one seller sends one buyer:
 * 1. BT-46 buyer identifier, as written (the seller's customer number, or a GLN);
 * 2. else BT-47 legal registration id (SIRET/SIREN…) without spaces;
 * 3. else BT-48 VAT id, upper case, without spaces, dots or dashes;
 * 4. else "name:" + the normalised BT-44 name (the prefix tells a reference made up from a name).
 */
export function buyerExternalRef(buyer: {
  id: string | null;
  legalId: string | null;
  vatId: string | null;
  name: string | null;
}): string | null {
  const id = singleLine(buyer.id);
  if (id) return id;
  const legalId = singleLine(buyer.legalId)?.replace(/\s/g, "");
  if (legalId) return legalId;
  const vatId = singleLine(buyer.vatId)
    ?.replace(/[\s.-]/g, "")
    .toUpperCase();
  if (vatId) return vatId;
  const key = buyer.name ? nameKey(buyer.name) : "";
  return key === "" ? null : `name:${key}`;
}
