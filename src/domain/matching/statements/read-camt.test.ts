import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../../../shared/errors";
import { readCamt } from "./read-camt";
import type { ParsedBankLine, ParsedStatement } from "./statement.types";

const GENKGO = join(import.meta.dirname, "../../../../test/fixtures/bank/genkgo-camt");
const OCA = join(
  import.meta.dirname,
  "../../../../test/fixtures/bank/oca-bank-statement-import/account_statement_import_camt/test_files",
);

// biome-ignore lint/suspicious/noExplicitAny: genkgo's serialised PHP objects have no type
type Json = any;

/** Every object of a class in genkgo's JSON dump (objects are written once, repeats are "__RECURSIVITY__"). */
function objectsOf(json: Json, match: RegExp, found: Json[] = []): Json[] {
  if (json && typeof json === "object") {
    if (typeof json.__CLASS__ === "string" && match.test(json.__CLASS__)) found.push(json);
    for (const value of Object.values(json)) objectsOf(value, match, found);
  }
  return found;
}

const isObject = (v: Json) => v !== null && typeof v === "object";
const day = (d: Json) => (isObject(d) ? String(d["0"]).slice(0, 10) : null);
const money = (m: Json) =>
  isObject(m) ? { minor: Number(m.getAmount), currency: m.getCurrency.getCode } : null;
const noPlaceholder = (v: string | null | undefined) =>
  v === undefined || v === null || v === "" || v === "NOTPROVIDED" ? null : v;

function btc(code: Json): string | null {
  if (!isObject(code)) return null;
  const d = code.getDomain;
  if (isObject(d) && isObject(d.getFamily) && d.getFamily.getSubFamilyCode)
    return `${d.getCode}-${d.getFamily.getCode}-${d.getFamily.getSubFamilyCode}`;
  return isObject(code.getProprietary) && code.getProprietary.getCode ? code.getProprietary.getCode : null;
}

function party(detail: Json, type: "Debtor" | "Creditor", ownIban: string | null) {
  const parties: Json[] = (detail?.getRelatedParties ?? []).filter(isObject);
  const found = parties.find((p) => p.getRelatedPartyType?.__CLASS__ === `Genkgo\\Camt\\DTO\\${type}`);
  if (!found) return null;
  const iban = found.getAccount?.getIban?.getIban ?? null;
  if (iban !== null && iban === ownIban) return null;
  return { name: found.getRelatedPartyType.getName ?? null, iban };
}

/** Our lines of one statement grouped by XML entry, in order. */
function byEntry(statement: ParsedStatement): ParsedBankLine[][] {
  const groups = new Map<number, ParsedBankLine[]>();
  for (const line of statement.lines) groups.set(line.line, [...(groups.get(line.line) ?? []), line]);
  return [...groups.values()];
}

function compareDetail(line: ParsedBankLine, entry: Json, detail: Json, statement: ParsedStatement) {
  const ref = isObject(detail?.getReference) ? detail.getReference : {};
  expect(line.endToEndId).toBe(noPlaceholder(ref.getEndToEndId));
  expect(line.mandateId).toBe(noPlaceholder(ref.getMandateId));
  expect(line.bankReference).toBe(
    noPlaceholder(ref.getAccountServicerReference) ?? noPlaceholder(entry.getAccountServicerReference),
  );
  const remittance = detail?.getRemittanceInformation;
  const structured = objectsOf(remittance ?? {}, /CreditorReferenceInformation$/)[0];
  expect(line.structuredReference).toBe(structured?.getRef ?? null);
  const unstructured = objectsOf(remittance ?? {}, /UnstructuredRemittanceInformation$/);
  if (unstructured.length > 0)
    expect(line.remittanceText).toBe(unstructured.map((u) => u.getMessage.trim()).join(" "));
  const returned = detail?.getReturnInformation;
  if (isObject(returned)) {
    expect(line.isReversal).toBe(true);
    expect(line.returnReason).toBe(returned.getCode ?? returned.getAdditionalInformation ?? null);
  }
  if (entry.getReversalIndicator === true) expect(line.isReversal).toBe(true);
  expect(line.transactionCode).toBe(btc(detail?.getBankTransactionCode) ?? btc(entry.getBankTransactionCode));
  const credit = line.amountMinor > 0 || entry.getCreditDebitIndicator === "CRDT";
  const expected = party(detail, credit ? "Debtor" : "Creditor", statement.accountIban);
  if (expected?.name) expect(line.counterpartyName).toBe(expected.name);
  if (expected?.iban) expect(line.counterpartyIban).toBe(expected.iban);
}

const samples = readdirSync(GENKGO).filter((f) => f.endsWith(".xml") && f !== "camt053.v2.wrong.xml");

describe("camt: every genkgo/camt sample against its expected parse", () => {
  it.each(samples)("%s", (file) => {
    const expected = JSON.parse(readFileSync(join(GENKGO, file.replace(/\.xml$/, ".json")), "utf8"));
    const parsed = readCamt(readFileSync(join(GENKGO, file)), file);
    expect(parsed.format).toBe("camt");
    const records = objectsOf(expected, /Camt05\d\\DTO\\(Statement|Report|Notification)$/);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      const statement = parsed.statements.find((s) => s.reference === record.getId);
      expect(statement, record.getId).toBeDefined();
      if (!statement) continue;
      const iban = record.getAccount?.getIban?.getIban;
      if (iban) expect(statement.accountIban).toBe(iban);
      // genkgo types OPBD and PRCD both "opening": the first written, OPBD, is ours.
      const balances: Json[] = (record.getBalances ?? []).filter(isObject);
      const opening = balances.find((b) => b.getType === "opening");
      const closing = balances.find((b) => b.getType === "closing");
      if (opening) expect(statement.openingBalanceMinor).toBe(money(opening.getAmount)?.minor);
      if (closing) expect(statement.closingBalanceMinor).toBe(money(closing.getAmount)?.minor);
      if (Array.isArray(record.getEntries)) expect(byEntry(statement)).toHaveLength(record.getEntries.length);
    }
    const entries = objectsOf(expected, /\\DTO\\Entry$/);
    for (const entry of entries) {
      const statement = isObject(entry.getRecord)
        ? parsed.statements.find((s) => s.reference === entry.getRecord.getId)
        : parsed.statements[0];
      if (!statement) throw new Error(`no statement for entry ${entry.getIndex}`);
      const lines = byEntry(statement)[entry.getIndex] ?? [];
      const entryAmount = money(entry.getAmount);
      if (!entryAmount) throw new Error("entry without amount");
      const details: Json[] = (entry.getTransactionDetails ?? []).map((d: Json, i: number) =>
        isObject(d) ? d : i === 0 ? entry.getTransactionDetail : d,
      );
      const split =
        details.length > 1 &&
        details.every((d) => isObject(d) && money(d.getAmount)?.currency === entryAmount.currency);
      expect(lines).toHaveLength(split ? details.length : 1);
      lines.forEach((line, i) => {
        const own = split || details.length === 1 ? money(details[i]?.getAmount) : null;
        const amount = own && own.currency === entryAmount.currency ? own : entryAmount;
        expect(line.amountMinor).toBe(amount.minor);
        expect(line.currency).toBe(amount.currency);
        if (entry.getBookingDate) expect(line.bookingDate).toBe(day(entry.getBookingDate));
        else if (entry.getValueDate) expect(line.bookingDate).toBe(day(entry.getValueDate));
        expect(line.valueDate).toBe(day(entry.getValueDate));
        if (split || details.length === 1) compareDetail(line, entry, details[i], statement);
      });
    }
  });

  it("reads amounts with more decimals than the currency only when the extra ones are zeros", () => {
    const five = readCamt(readFileSync(join(GENKGO, "camt53.only-Dt-with-DtTm.xml")), "x.xml");
    expect(five.statements[0]?.openingBalanceMinor).toBe(544209); // RON 5442.09000
    const three = readCamt(readFileSync(join(GENKGO, "camt053.v2.five.decimals.xml")), "y.xml");
    expect(three.statements[0]?.lines[0]?.amountMinor).toBe(885); // EUR 8.850
    const xml = readFileSync(join(GENKGO, "camt053.v2.five.decimals.xml"), "utf8").replace(
      ">8.850<",
      ">8.855<",
    );
    expect(() => readCamt(Buffer.from(xml), "rounded.xml")).toThrow(
      /rounded\.xml, entry 1, Ntry\/Amt \("8\.855"\): cannot be converted to EUR minor units without rounding/,
    );
  });

  it("refuses a camt.053 message without statements", () => {
    expect(() => readCamt(readFileSync(join(GENKGO, "camt053.v2.wrong.xml")), "wrong.xml")).toThrow(
      "wrong.xml, Stmt: the BkToCstmrStmt message contains no Stmt",
    );
  });

  it("reads the reports' and notifications' entries without dates on the report's creation date", () => {
    const parsed = readCamt(readFileSync(join(GENKGO, "camt054.v8-with-UETR.xml")), "n.xml");
    expect(parsed.statements[0]?.lines[0]?.bookingDate).toBe("2007-10-18");
    expect(parsed.statements[0]?.lines[0]?.valueDate).toBeNull();
  });
});

/** OCA's golden files are Python literals; the values below are theirs, converted to minor units. */
describe("camt: the OCA bank-statement-import golden files", () => {
  it("test-camt053: batched returned direct debits (AC06), reversal, SEPA references", () => {
    const file = readCamt(readFileSync(join(OCA, "test-camt053")), "test-camt053");
    const [statement] = file.statements;
    expect(statement).toMatchObject({
      reference: "1234Test/1",
      accountIban: "NL77ABNA0574908765",
      bic: "ABNANL2A",
      currency: "EUR",
      openingBalanceMinor: 1556827,
      closingBalanceMinor: 1512112,
      fromDate: "2014-01-05",
      toDate: "2014-01-05",
    });
    expect(
      statement?.lines.map((l) => [l.amountMinor, l.counterpartyName, l.counterpartyIban, l.transactionCode]),
    ).toEqual([
      [-75425, "INSURANCE COMPANY TESTX", "NL46ABNA0499998748", "PMNT-RDDT-ESDD"],
      [-56405, "Test Customer", "NL46ABNA0499998748", "PMNT-IDDT-UPDD"],
      [-10000, "Test Customer", "NL46ABNA0499998748", "PMNT-IDDT-UPDD"],
      [140531, "3rd party Media", "NL69ABNA0522123643", "PMNT-RCDT-ESCT"],
    ]);
    expect(statement?.lines[1]).toMatchObject({
      line: 2,
      bookingDate: "2014-01-05",
      endToEndId: "TESTBANK/NL/20141229/01206408",
      mandateId: "NL22ZZZ524885430000-C0125.1",
      remittanceText: "Direct Debit S14 0410",
      isReversal: true,
      returnReason: "AC06",
    });
    expect(statement?.lines[2]?.line).toBe(2);
    expect(statement?.lines[0]).toMatchObject({
      endToEndId: "435005714488-ABNO33052620",
      mandateId: "1880000341866",
      isReversal: false,
      returnReason: null,
    });
  });

  it("test-camt053-txdtls: one line per transaction of a batched entry, structured references", () => {
    const [statement] = readCamt(readFileSync(join(OCA, "test-camt053-txdtls")), "t").statements;
    expect(statement).toMatchObject({
      reference: "20170323123456789012345",
      accountIban: "CH1111000000123456789",
      currency: "CHF",
      openingBalanceMinor: 7596015,
      closingBalanceMinor: 7944315,
    });
    expect(statement?.lines.map((l) => [l.amountMinor, l.bookingDate, l.counterpartyName])).toEqual([
      [218700, "2017-03-22", "Banque Cantonale Vaudoise"],
      [129600, "2017-03-22", "Banque Cantonale Vaudoise"],
    ]);
    expect(statement?.lines.map((l) => [l.counterpartyIban, l.structuredReference, l.bankReference])).toEqual(
      [
        ["CH2222000000123456789", "302388292000011111111111111", "123456CHCAFEBABE"],
        ["CH3333000000123456789", "302388292000022222222222222", "123456CHCAFEBABE"],
      ],
    );
    // The entry says PMNT-RCDT-VCOM (OCA's transaction_type), each transaction PMNT-RCDT-AUTT: ours is the transaction's.
    expect(statement?.lines[0]?.transactionCode).toBe("PMNT-RCDT-AUTT");
  });

  it("test-camt054: a notification", () => {
    const [statement] = readCamt(readFileSync(join(OCA, "test-camt054")), "t").statements;
    expect(statement).toMatchObject({
      reference: "20220120000000000000000",
      accountIban: "NL77ABNA0574908765",
      currency: "EUR",
    });
    expect(statement?.lines).toHaveLength(1);
    expect(statement?.lines[0]).toMatchObject({
      amountMinor: 500,
      bookingDate: "2022-01-26",
      counterpartyName: "Test Customer",
      counterpartyIban: "NL46ABNA0499998748",
      structuredReference: "000000000000000000000000003",
      bankReference: "15180015077602405",
      endToEndId: "ENDTOENDID-01",
      remittanceText: "Additional entry info",
      transactionCode: "PMNT-RCDT-ATXN",
    });
  });

  it("test-camt053-no-ntry: a statement without entries has no lines", () => {
    const [statement] = readCamt(readFileSync(join(OCA, "test-camt053-no-ntry")), "t").statements;
    expect(statement?.lines).toEqual([]);
    expect(statement?.openingBalanceMinor).toBe(152076);
  });
});

describe("camt: status and returns", () => {
  it("marks the pending entries of an intraday report", () => {
    const [line] = readCamt(readFileSync(join(GENKGO, "camt052.v4.xml")), "r.xml").statements[0]?.lines ?? [];
    expect(line?.bookingStatus).toBe("pending");
    const [booked] =
      readCamt(readFileSync(join(GENKGO, "camt053.v8.xml")), "s.xml").statements[0]?.lines ?? [];
    expect(booked?.bookingStatus).toBeUndefined();
  });

  it("a return told only by its bank transaction code (UPDD) is a reversal without reason", () => {
    const xml = readFileSync(join(OCA, "test-camt053"), "utf8")
      .replace("<RvslInd>true</RvslInd>", "")
      .replace(/<RtrInf>[\s\S]*?<\/RtrInf>/g, "");
    const lines = readCamt(Buffer.from(xml), "t.xml").statements[0]?.lines ?? [];
    expect(lines.map((l) => [l.isReversal, l.returnReason])).toEqual([
      [false, null],
      [true, null],
      [true, null],
      [false, null],
    ]);
  });
});

describe("camt: broken files", () => {
  const minimal = readFileSync(join(GENKGO, "camt053.v2.minimal.xml"), "utf8");
  const broken = (from: string, to: string) => Buffer.from(minimal.replace(from, to));
  const error = (bytes: Uint8Array) => {
    try {
      readCamt(bytes, "bank.xml");
    } catch (e) {
      if (isDomainError(e)) return e;
      throw e;
    }
    throw new Error("no error");
  };

  it("names the file, the entry and the field", () => {
    const e = error(broken(">8.85<", ">8,85.0<"));
    expect(e.message).toBe('bank.xml, entry 1, Ntry/Amt ("8,85.0"): is not a decimal amount');
    expect(e.code).toBe("VALIDATION");
    expect(e.details.issues).toEqual([
      { line: 1, column: "Ntry/Amt", field: "Ntry/Amt", value: "8,85.0", message: "is not a decimal amount" },
    ]);
  });

  it("refuses a statement entry without booking nor value date", () => {
    const xml = minimal.replace(/<BookgDt>[\s\S]*?<\/BookgDt>/, "").replace(/<ValDt>[\s\S]*?<\/ValDt>/, "");
    expect(error(Buffer.from(xml)).message).toBe(
      "bank.xml, entry 1, Ntry/BookgDt: the entry has no booking date (BookgDt) nor value date (ValDt)",
    );
  });

  it("refuses a credit/debit indicator that is neither CRDT nor DBIT", () => {
    expect(
      error(
        broken("<CdtDbtInd>CRDT</CdtDbtInd>\n                <RvslInd>", "<CdtDbtInd>X</CdtDbtInd><RvslInd>"),
      ).message,
    ).toBe('bank.xml, entry 1, CdtDbtInd ("X"): must be CRDT or DBIT');
  });

  it("refuses an unknown currency", () => {
    expect(error(broken('<Amt Ccy="EUR">8.85', '<Amt Ccy="XXX">8.85')).message).toBe(
      'bank.xml, entry 1, Ntry/Amt ("XXX"): unknown currency code (ISO 4217 expected)',
    );
  });

  it("refuses an unknown camt root, a pain message for instance", () => {
    const e = error(
      Buffer.from(
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>',
      ),
    );
    expect(e.message).toMatch(
      /^bank\.xml, Document \("CstmrCdtTrfInitn urn:iso:std:iso:20022:tech:xsd:pain\.001.*\): unknown camt root/,
    );
  });

  it("refuses a DOCTYPE (XXE)", () => {
    expect(
      error(
        Buffer.from(
          `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${minimal.replace(/^<\?xml[^>]*>/, "")}`,
        ),
      ).message,
    ).toBe(
      "bank.xml, XML: the XML declares a DOCTYPE, which camt messages never do: refused (XXE protection)",
    );
  });

  it("refuses a truncated XML file", () => {
    expect(error(Buffer.from(minimal.slice(0, 2000))).message).toMatch(
      /^bank\.xml, XML: the XML is not well-formed \(truncated\?\) at line \d+/,
    );
  });
});
