import { describe, expect, it } from "vitest";
import { COLUMNS_18, entry, type FecRow, fecText, utf8 } from "../../../../test/fixtures/fec/fec-snippet";
import { parseFec } from "./parse-fec";

function parse(rows: FecRow[]) {
  return parseFec({ bytes: utf8(fecText(rows)), fileName: "FEC.txt", currency: "EUR" });
}

const brief = (records: readonly { externalRef: string; type?: string; amountMinor: number }[]) =>
  records.map((r) => [r.externalRef, r.type ?? "", r.amountMinor]);

describe("parseFec: opening entries (à-nouveaux)", () => {
  const result = parse(
    entry({ journal: "RAN", num: "7", date: "20240101", piece: "RAN", label: "Report à nouveau" }, [
      ["411000", "C001", "500,00", "0,00"],
      ["411000", "C002", "0,00", "80,00"],
      ["401000", "F001", "0,00", "300,00"],
      ["512000", "", "1000,00", "0,00"],
      ["101000", "", "0,00", "1120,00"],
    ]),
  );

  it("imports customer balances as open items of unknown origin, numbered AN-<entry> when PieceRef says nothing", () => {
    expect(
      result.invoices.map((i) => [i.externalRef, i.number, i.type, i.amountMinor, i.openAmountMinor]),
    ).toEqual([
      ["RAN-7-1", "AN-7", "invoice", 50000, 50000],
      ["RAN-7-2", "AN-7", "credit_note", -8000, -8000],
    ]);
    expect(result.invoices[0]?.customFields?.fecOrigin).toBe("opening");
    expect(result.payments).toEqual([]);
  });

  it("imports supplier balances as open payables, although the entry holds the bank balance", () => {
    expect(result.payables.map((p) => [p.externalRef, p.number, p.amountMinor, p.openAmountMinor])).toEqual([
      ["RAN-7-3", "RAN", 30000, 30000],
    ]);
  });
});

describe("parseFec: what each kind of entry yields", () => {
  it("reads a cash sale as an invoice and its payment", () => {
    const result = parse(
      entry({ journal: "VE", num: "1", date: "20240105", piece: "T001" }, [
        ["411000", "C001", "120,00", "0,00"],
        ["706000", "", "0,00", "100,00"],
        ["445710", "", "0,00", "20,00"],
        ["411000", "C001", "0,00", "120,00"],
        ["530000", "", "120,00", "0,00"],
      ]),
    );
    expect(brief(result.invoices)).toEqual([["VE-1-1", "invoice", 12000]]);
    expect(brief(result.payments)).toEqual([["VE-1-4", "", 12000]]);
  });

  it("reads a bank debit on 411 as a negative payment (refund or bounced cheque) and a bill of exchange as a payment", () => {
    const result = parse([
      ...entry({ journal: "BQ", num: "1", date: "20240105", label: "CHQ IMPAYE" }, [
        ["411000", "C001", "250,00", "0,00"],
        ["512000", "", "0,00", "250,00"],
      ]),
      ...entry({ journal: "LCR", num: "1", date: "20240110", label: "LCR 0001" }, [
        ["413000", "", "900,00", "0,00"],
        ["411000", "C002", "0,00", "900,00"],
      ]),
    ]);
    expect(result.payments.map((p) => [p.externalRef, p.amountMinor, p.reference])).toEqual([
      ["BQ-1-1", -25000, "CHQ IMPAYE"],
      ["LCR-1-2", 90000, "LCR 0001"],
    ]);
    expect(result.invoices).toEqual([]);
  });

  it("reads a deposit invoice of a sales journal without revenue lines, and a credit note booked in OD", () => {
    const result = parse([
      ...entry({ journal: "VT", num: "9", date: "20240105", piece: "AC-01" }, [
        ["411000", "C001", "600,00", "0,00"],
        ["419100", "", "0,00", "500,00"],
        ["445710", "", "0,00", "100,00"],
      ]),
      ...entry({ journal: "OD", num: "39", date: "20240810", piece: "fact 2023 impayée" }, [
        ["411000", "C001", "0,00", "94,95"],
        ["701100", "", "90,00", "0,00"],
        ["445710", "", "4,95", "0,00"],
      ]),
    ]);
    expect(result.invoices.map((i) => [i.externalRef, i.number, i.type, i.amountMinor])).toEqual([
      ["VT-9-1", "AC-01", "invoice", 60000],
      ["OD-39-1", "fact 2023 impayée", "credit_note", -9495],
    ]);
  });

  it("keeps write-offs as adjustments that the lettering closes together with the invoice", () => {
    const result = parse([
      ...entry({ journal: "VE", num: "1", date: "20240105", piece: "F001" }, [
        ["411000", "C001", "120,00", "0,00", "AA"],
        ["706000", "", "0,00", "120,00"],
      ]),
      ...entry({ journal: "OD", num: "2", date: "20240630", piece: "PERTE" }, [
        ["654000", "", "120,00", "0,00"],
        ["411000", "C001", "0,00", "120,00", "AA"],
      ]),
    ]);
    expect(result.invoices.map((i) => [i.externalRef, i.type, i.amountMinor, i.openAmountMinor])).toEqual([
      ["VE-1-1", "invoice", 12000, 0],
      ["OD-2-2", "credit_note", -12000, 0],
    ]);
    expect(result.invoices[1]?.customFields?.fecOrigin).toBe("adjustment");
    expect(result.allocations).toEqual([]);
  });

  it("ignores a move from 411 to 416 so that the invoice stays open with its own date", () => {
    const result = parse([
      ...entry({ journal: "VE", num: "1", date: "20240105", piece: "F001" }, [
        ["411000", "C001", "120,00", "0,00"],
        ["706000", "", "0,00", "120,00"],
      ]),
      ...entry({ journal: "OD", num: "2", date: "20240630", piece: "DOUTEUX" }, [
        ["416000", "C001", "120,00", "0,00"],
        ["411000", "C001", "0,00", "120,00"],
      ]),
    ]);
    expect(result.invoices.map((i) => [i.externalRef, i.issueDate, i.openAmountMinor])).toEqual([
      ["VE-1-1", "2024-01-05", 12000],
    ]);
  });

  it("skips zero lines and keeps the foreign-currency amount as a custom field", () => {
    const rows = entry({ journal: "VE", num: "1", date: "20240105", piece: "F001" }, [
      ["411000", "C001", "0,00", "0,00"],
      ["411000", "C001", "1100,00", "0,00"],
      ["706000", "", "0,00", "1100,00"],
    ]).map((r, i) => (i === 1 ? { ...r, Montantdevise: "1200,00", Idevise: "USD" } : r));
    const [invoice, ...others] = parse(rows).invoices;
    expect(others).toEqual([]);
    expect(invoice).toMatchObject({ externalRef: "VE-1-2", amountMinor: 110000, currency: "EUR" });
    expect(invoice?.customFields).toMatchObject({ foreignAmount: "1200,00", foreignCurrency: "USD" });
  });

  it("uses the piece date as issue date and due date, the entry number when PieceRef is blank", () => {
    const rows = entry({ journal: "VE", num: "12", date: "20240131", piece: "" }, [
      ["411000", "C001", "100,00", "0,00"],
      ["706000", "", "0,00", "100,00"],
    ]).map((r) => ({ ...r, PieceDate: "20240128" }));
    expect(parse(rows).invoices[0]).toMatchObject({
      number: "12",
      issueDate: "2024-01-28",
      dueDate: "2024-01-28",
      customFields: { dueDateSource: "issue_date" },
    });
  });
});

describe("parseFec: suppliers", () => {
  it("leaves open what partial lettering does not cover, and counts lettered bills as settled", () => {
    const result = parse([
      ...entry({ journal: "HA", num: "1", date: "20240105", piece: "FA-1" }, [
        ["606000", "", "1000,00", "0,00"],
        ["401000", "F001", "0,00", "1000,00", "a"],
      ]),
      ...entry({ journal: "HA", num: "2", date: "20240106", piece: "FA-2" }, [
        ["218000", "", "500,00", "0,00"],
        ["404000", "F002", "0,00", "500,00", "B"],
      ]),
      ...entry({ journal: "BQ", num: "1", date: "20240201" }, [
        ["401000", "F001", "400,00", "0,00", "a"],
        ["404000", "F002", "500,00", "0,00", "B"],
        ["512000", "", "0,00", "900,00"],
      ]),
    ]);
    expect(result.suppliers.map((s) => s.externalRef)).toEqual(["F001", "F002"]);
    expect(result.payables.map((p) => [p.externalRef, p.amountMinor, p.openAmountMinor])).toEqual([
      ["HA-1-2", 100000, 60000],
    ]);
  });
});

describe("parseFec: an empty year", () => {
  it("returns nothing from a header alone", () => {
    const result = parseFec({
      bytes: utf8(`${COLUMNS_18.join("\t")}\r\n`),
      fileName: "FEC.txt",
      currency: "EUR",
    });
    expect(result).toEqual({
      customers: [],
      contacts: [],
      invoices: [],
      payments: [],
      allocations: [],
      suppliers: [],
      payables: [],
      attachments: [],
    });
  });
});
