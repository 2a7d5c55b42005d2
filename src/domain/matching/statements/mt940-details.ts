import { clean, ibanOrNull } from "./statement-values";

/** What a :86: field says about the transaction, whichever of the three layouts it uses. */
export type Mt940Details = {
  code: string | null;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  structuredReference: string | null;
  text: string | null;
  endToEndId: string | null;
  mandateId: string | null;
  returnReason: string | null;
};

const EMPTY: Mt940Details = {
  code: null,
  counterpartyName: null,
  counterpartyIban: null,
  structuredReference: null,
  text: null,
  endToEndId: null,
  mandateId: null,
  returnReason: null,
};

/** German banks (DFÜ-Abkommen): a 3-digit business code (GVC), then ?NN subfields (Triodos writes >NN). */
const GERMAN = /^(\d{3})([?>])\d{2}/;
/** SEPA keywords inside the German purpose lines ?20–?29. */
const SEPA_KEYWORDS = /(EREF|KREF|MREF|CRED|DEBT|COAM|OAMT|SVWZ|ABWA|ABWE|IBAN|BIC)\+/g;
/** Dutch and French banks' /TAG/value layout (ING, Rabobank, ABN AMRO SEPA, …). */
const TAGS =
  "EREF|MARF|CSID|CNTP|REMI|IBAN|BIC|NAME|ORDP|BENM|ADDR|PREF|RTRN|ISDT|CREF|IREF|TRCD|PURP|ULTC|ULTD|ULTB|EXCH|CHGS|OCMT|BUSP|SVCL|ID";
const TAGGED = new RegExp(`^/(${TAGS})/`);
const TAG_SPLIT = new RegExp(`/(${TAGS})/`);

function german(lines: string[], code: string, separator: string): Mt940Details {
  // Subfields are wrapped at a fixed width: the physical lines join without a space.
  const body = lines.join("").slice(3);
  const fields = new Map<string, string>();
  for (const part of body.split(separator).slice(1)) {
    const key = part.slice(0, 2);
    fields.set(key, (fields.get(key) ?? "") + part.slice(2));
  }
  const pick = (...keys: string[]) => keys.map((k) => fields.get(k) ?? "").join("");
  const purpose = pick("20", "21", "22", "23", "24", "25", "26", "27", "28", "29");
  // ?60–?63 go on with the purpose, but banks put anything there (a BIC, an ABWA name): text only.
  const additional = clean(pick("60", "61", "62", "63"));
  const keywords = new Map<string, string>();
  const parts = purpose.split(SEPA_KEYWORDS);
  for (let i = 1; i + 1 < parts.length; i += 2) keywords.set(parts[i] as string, parts[i + 1] ?? "");
  const free = clean(parts[0]);
  const account = clean(pick("31"));
  return {
    code,
    counterpartyName: clean(pick("32", "33")) ?? clean(keywords.get("ABWA")) ?? null,
    counterpartyIban: ibanOrNull(account) ?? ibanOrNull(keywords.get("IBAN")),
    structuredReference: null,
    text: clean(
      [clean(keywords.get("SVWZ")) ?? free ?? (keywords.size === 0 ? clean(purpose) : null), additional]
        .filter((t) => t !== null)
        .join(" "),
    ),
    endToEndId: reference(keywords.get("EREF")),
    mandateId: reference(keywords.get("MREF")),
    returnReason: null,
  };
}

function reference(text: string | undefined | null): string | null {
  const t = clean(text);
  return t === null || /^(NOTPROVIDED|NONREF)$/i.test(t) ? null : t;
}

function tagged(lines: string[]): Mt940Details {
  const body = lines.join("");
  const parts = body.split(TAG_SPLIT);
  const values = new Map<string, string>();
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const tag = parts[i] as string;
    const value = (parts[i + 1] ?? "").replace(/^\/+|\/+$/g, "");
    if (!values.has(tag)) values.set(tag, value);
  }
  // ING: /CNTP/IBAN/BIC/NAME/CITY/ and /REMI/USTD//text/ or /REMI/STRD/CUR/reference/.
  const counterparty = (values.get("CNTP") ?? "").split("/");
  const remittance = values.get("REMI") ?? "";
  const structured = /^STRD\/[A-Z]*\/(.*)$/.exec(remittance)?.[1] ?? null;
  const text = structured === null ? remittance.replace(/^USTD\/+/, "") : null;
  return {
    code: null,
    counterpartyName: clean(values.get("NAME")) ?? clean(counterparty[2]),
    counterpartyIban: ibanOrNull(values.get("IBAN")) ?? ibanOrNull(counterparty[0]),
    structuredReference: clean(structured),
    text: clean(text),
    endToEndId: reference(values.get("EREF")),
    mandateId: reference(values.get("MARF")),
    returnReason: clean(values.get("RTRN")),
  };
}

/** Reads a :86: field given as its physical lines (the tag removed from the first). */
export function readMt940Details(lines: string[]): Mt940Details {
  const first = (lines[0] ?? "").trimStart();
  const germanMatch = GERMAN.exec(first);
  if (germanMatch)
    return german([first, ...lines.slice(1)], germanMatch[1] as string, germanMatch[2] as string);
  if (TAGGED.test(first)) return tagged(lines);
  return { ...EMPTY, text: clean(lines.join(" ")) };
}
