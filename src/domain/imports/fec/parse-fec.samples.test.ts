import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ParsedImport } from "../imports.types";
import { groupEntries } from "./fec-entries";
import type { FecLine } from "./fec-fields";
import { readFec } from "./fec-reader";
import { parseFec } from "./parse-fec";

/**
 * Real FEC files from neolegal-fr/fec-reader (MIT, see test/fixtures/fec/neolegal-fec-reader).
 * Their `-expected.csv` lists the tax-return boxes fec-reader computes from each file; the boxes
 * that are plain account balances check our reading of amounts and accounts, and the customer
 * and supplier boxes check that every 411/401 line ends up in a record.
 */
const DIR = new URL("../../../../test/fixtures/fec/neolegal-fec-reader/", import.meta.url);

function load(name: string) {
  const bytes = new Uint8Array(readFileSync(new URL(name, DIR)));
  const expected = new Map<string, number>();
  for (const line of readFileSync(new URL(name.replace(".txt", "-expected.csv"), DIR), "utf8").split("\n")) {
    const match = /^\s*(\w+),\s*([\d.]+)/.exec(line);
    if (match?.[1] && match[2]) expected.set(match[1], Number(match[2]));
  }
  return { bytes, expected, read: readFec({ bytes, fileName: name, currency: "EUR" }) };
}

/** Debit − credit of the accounts starting with `prefix`, in cents. */
function balance(lines: readonly FecLine[], prefix: string): number {
  return lines
    .filter((l) => l.account.startsWith(prefix))
    .reduce((s, l) => s + l.debitMinor - l.creditMinor, 0);
}

/** Whole euros, as the tax return shows them. */
const euros = (minor: number) => Math.round(Math.abs(minor) / 100);

/** Open items less unapplied cash: what the customers owe according to the records. */
function receivable(result: ParsedImport): number {
  const open = result.invoices.reduce((s, i) => s + (i.openAmountMinor ?? i.amountMinor), 0);
  const paid = result.payments.reduce((s, p) => s + p.amountMinor, 0);
  const allocated = result.allocations.reduce((s, a) => s + a.amountMinor, 0);
  return open - (paid - allocated);
}

function expectConsistentAllocations(result: ParsedImport): void {
  const byPayment = new Map<string, number>();
  const byInvoice = new Map<string, number>();
  for (const a of result.allocations) {
    expect(a.amountMinor).toBeGreaterThan(0);
    byPayment.set(a.paymentRef, (byPayment.get(a.paymentRef) ?? 0) + a.amountMinor);
    byInvoice.set(a.invoiceRef, (byInvoice.get(a.invoiceRef) ?? 0) + a.amountMinor);
  }
  for (const p of result.payments)
    expect(byPayment.get(p.externalRef) ?? 0).toBeLessThanOrEqual(Math.max(p.amountMinor, 0));
  for (const i of result.invoices) {
    expect(byInvoice.get(i.externalRef) ?? 0).toBeLessThanOrEqual(Math.max(i.amountMinor, 0));
    expect(Math.abs(i.openAmountMinor ?? 0)).toBeLessThanOrEqual(Math.abs(i.amountMinor));
    expect(Math.sign(i.openAmountMinor ?? 0) * Math.sign(i.amountMinor)).toBeGreaterThanOrEqual(0);
  }
  // The importer keys allocations by payment and invoice: one allocation per pair.
  const pairs = new Set(result.allocations.map((a) => `${a.paymentRef} ${a.invoiceRef}`));
  expect(pairs.size).toBe(result.allocations.length);
  expect(new Set(result.invoices.map((i) => i.externalRef)).size).toBe(result.invoices.length);
  expect(new Set(result.payments.map((p) => p.externalRef)).size).toBe(result.payments.length);
}

describe("0000000001FEC20220831.txt (18 columns, BOM, farm, regime of forms 2139/2144)", () => {
  const { bytes, expected, read } = load("0000000001FEC20220831.txt");
  const result = parseFec({ bytes, fileName: "0000000001FEC20220831.txt", currency: "EUR" });

  it("reads every line, balanced entry by entry", () => {
    expect(read).toMatchObject({ issues: [], encoding: "utf-8", separator: "\t" });
    expect(read.lines).toHaveLength(5422);
    expect(read.lines.at(-1)?.line).toBe(5423);
    expect(groupEntries(read.lines)).toHaveLength(2033);
  });

  it("reads the amounts and accounts the tax return shows", () => {
    expect(euros(balance(read.lines, "101"))).toBe(expected.get("CA")); // capital 13 500
    expect(euros(balance(read.lines, "104"))).toBe(expected.get("CC")); // share premium 320 400
    expect(euros(balance(read.lines, "512"))).toBe(expected.get("BJ")); // bank 49 705
  });

  it("accounts for every 411 line: open items less unapplied cash = the 411 balance", () => {
    expect(balance(read.lines, "411")).toBe(5251724);
    expect(receivable(result)).toBe(5251724);
    expect(result.customers).toHaveLength(17);
    expect(result.customers[0]).toEqual({ line: 43, externalRef: "CFLORE", name: "JARDIN DE FLORETTE" });
    expectConsistentAllocations(result);
  });

  it("settles lettered groups and gives last year's lettered payments to the opening balance", () => {
    const invoice = (ref: string) => result.invoices.find((i) => i.externalRef === ref);
    // VEN 4 (FA 220004, PROSOL) is lettered AARR with the transfer CRC 54 of 29 602,76.
    expect(invoice("VEN-4-1")).toMatchObject({
      number: "FA  220004",
      amountMinor: 101544,
      openAmountMinor: 0,
    });
    // PROSOL's opening balance of 35 724,95 is paid by CRC 11, 42 and what CRC 54 leaves over.
    expect(invoice("ANO-1-47")).toMatchObject({ number: "AN-1", amountMinor: 3572495, openAmountMinor: 0 });
    expect(result.allocations.filter((a) => a.invoiceRef === "ANO-1-47").map((a) => a.amountMinor)).toEqual([
      717824, 786133, 2068538,
    ]);
    // Unlettered on both sides: the invoice stays open and the cheque unapplied.
    expect(invoice("VEN-284-1")).toMatchObject({ customerRef: "CNOURR", openAmountMinor: 811506 });
    // The OD entry that cancels an unpaid 2021 invoice against revenue is a credit note.
    expect(invoice("OD-39-1")).toMatchObject({ type: "credit_note", amountMinor: -9495 });
    // Money sent back to a customer who paid twice is a negative payment.
    expect(result.payments.find((p) => p.externalRef === "CRC-162-1")).toMatchObject({ amountMinor: -28802 });
  });
});

describe("000000000FEC20231231.txt (22 columns, no BOM, EcritureNum always 0, form 2033)", () => {
  const { bytes, expected, read } = load("000000000FEC20231231.txt");
  const result = parseFec({ bytes, fileName: "000000000FEC20231231.txt", currency: "EUR" });

  it("reads every line; with no entry numbers, a journal is one balanced entry", () => {
    expect(read).toMatchObject({ issues: [], encoding: "utf-8", separator: "\t" });
    expect(read.lines).toHaveLength(2102);
    expect(groupEntries(read.lines).map((e) => e.journalCode)).toEqual(["ac", "ve", "bq", "od", "ca", "AD"]);
  });

  it("reads the amounts and accounts the tax return shows", () => {
    expect(euros(balance(read.lines, "101"))).toBe(expected.get("120")); // capital 10 000
    expect(euros(balance(read.lines, "207"))).toBe(expected.get("010")); // goodwill 85 000
    expect(euros(balance(read.lines, "70"))).toBe(expected.get("214")); // sales 165 298
    expect(euros(balance(read.lines, "5"))).toBe(expected.get("084")); // cash and banks 91 971
  });

  it("matches box 068 (customers): open items less unapplied cash", () => {
    expect(euros(receivable(result))).toBe(expected.get("068")); // 27 772
    expect(receivable(result)).toBe(balance(read.lines, "411"));
    expect(result.customers.map((c) => c.externalRef)).toEqual(["CCB", "CESP", "CVIR", "CCHQ"]);
    expect(result.invoices.filter((i) => i.customFields?.fecOrigin === "sale")).toHaveLength(14);
    expect(result.invoices.filter((i) => i.customFields?.fecOrigin === "opening")).toHaveLength(9);
    expect(result.payments).toHaveLength(130);
    expect(result.allocations).toEqual([]);
    expectConsistentAllocations(result);
  });

  it("matches box 166 (suppliers): open bills less unlettered payments to suppliers", () => {
    const open = result.payables.reduce((s, p) => s + p.openAmountMinor, 0);
    const unletteredDebits = read.lines
      .filter((l) => l.account.startsWith("401") && l.letter === "" && l.debitMinor > l.creditMinor)
      .reduce((s, l) => s + l.debitMinor - l.creditMinor, 0);
    expect(euros(open - unletteredDebits)).toBe(expected.get("166")); // 4 631
    expect(result.suppliers).toHaveLength(38);
    expect(result.suppliers.every((s) => s.legalId === null && s.vatId === null)).toBe(true);
    expect(result.payables[0]).toMatchObject({ supplierRef: "FLOYER", number: "2022012596", dueDate: null });
  });
});
