import { describe, expect, it } from "vitest";
import {
  COLUMNS_22,
  COLUMNS_MONTANT_SENS,
  fecText,
  latin1,
  utf8,
} from "../../../../test/fixtures/fec/fec-snippet";
import { QUARTER } from "../../../../test/fixtures/fec/quarter";
import { parseFec } from "./parse-fec";

function parse(bytes: Uint8Array) {
  return parseFec({ bytes, fileName: "FEC.txt", currency: "EUR" });
}

const fields = (origin: string, entry: string, journal = "VE", letter?: string, label?: string) => ({
  dueDateSource: "issue_date",
  fecJournal: journal,
  fecEntry: entry,
  fecOrigin: origin,
  ...(letter ? { fecLetter: letter } : {}),
  fecLabel: label ?? `Entry ${entry}`,
});

describe("parseFec", () => {
  const result = parse(utf8(fecText(QUARTER)));

  it("finds the customers of 411/416, by auxiliary account or general account", () => {
    expect(result.customers).toEqual([
      { line: 2, externalRef: "C001", name: "Dupont Frères" },
      { line: 18, externalRef: "C002", name: "Société Générale" },
      { line: 28, externalRef: "411DUPONT", name: "Dupont SARL" },
    ]);
  });

  it("turns sales and opening lines into invoices and credit notes with open amounts", () => {
    const invoice = (line: number, ref: string, customer: string, number: string, date: string) => ({
      line,
      customerRef: customer,
      externalRef: ref,
      number,
      issueDate: date,
      dueDate: date,
      currency: "EUR",
    });
    expect(result.invoices).toEqual([
      {
        ...invoice(2, "AN-1-1", "C001", "AN2024", "2024-01-01"),
        type: "invoice",
        amountMinor: 50000,
        openAmountMinor: 20000,
        customFields: fields("opening", "1", "AN"),
      },
      {
        ...invoice(5, "VE-1-1", "C001", "F001", "2024-01-15"),
        type: "invoice",
        amountMinor: 120000,
        openAmountMinor: 0,
        customFields: fields("sale", "1", "VE", "AA"),
      },
      {
        ...invoice(8, "VE-2-1", "C001", "F002", "2024-01-20"),
        type: "invoice",
        amountMinor: 60000,
        openAmountMinor: 0,
        customFields: fields("sale", "2", "VE", "AA"),
      },
      {
        ...invoice(11, "VE-3-1", "C001", "AV001", "2024-01-25"),
        type: "credit_note",
        amountMinor: -12000,
        openAmountMinor: 0,
        customFields: fields("sale", "3", "VE", "AA"),
      },
      {
        ...invoice(18, "VE-4-1", "C002", "F003", "2024-03-01"),
        type: "invoice",
        amountMinor: 240000,
        openAmountMinor: 140000,
        customFields: fields("sale", "4", "VE", "ac"),
      },
      {
        ...invoice(21, "VE-5-1", "C002", "F004", "2024-03-05"),
        type: "invoice",
        amountMinor: 36000,
        openAmountMinor: 36000,
        customFields: fields("sale", "5"),
      },
      {
        ...invoice(28, "VE-6-1", "411DUPONT", "F005", "2024-04-02"),
        type: "invoice",
        amountMinor: 12000,
        openAmountMinor: 12000,
        customFields: fields("sale", "6"),
      },
    ]);
  });

  it("turns bank credits on 411 into payments", () => {
    expect(result.payments).toEqual([
      {
        line: 15,
        customerRef: "C001",
        externalRef: "BQ-1-2",
        date: "2024-02-10",
        amountMinor: 168000,
        currency: "EUR",
        reference: "VIR DUPONT FRERES",
        invoiceNumber: null,
      },
      {
        line: 17,
        customerRef: "C001",
        externalRef: "BQ-2-2",
        date: "2024-02-15",
        amountMinor: 30000,
        currency: "EUR",
        reference: "Entry 2",
        invoiceNumber: null,
      },
      {
        line: 25,
        customerRef: "C002",
        externalRef: "BQ-3-2",
        date: "2024-03-20",
        amountMinor: 100000,
        currency: "EUR",
        reference: "Entry 3",
        invoiceNumber: null,
      },
    ]);
  });

  it("allocates lettered payments: credit note first, oldest invoice first, partial groups as far as they go", () => {
    const allocation = (line: number, payment: string, invoice: string, minor: number, date: string) => ({
      line,
      paymentRef: payment,
      invoiceRef: invoice,
      amountMinor: minor,
      currency: "EUR",
      date,
    });
    expect(result.allocations).toEqual([
      // Group AA: F001 1200 − AV001 120 = 1080, then F002 600: 1680 in all, DateLet 2024-02-12.
      allocation(15, "BQ-1-2", "VE-1-1", 108000, "2024-02-12"),
      allocation(15, "BQ-1-2", "VE-2-1", 60000, "2024-02-12"),
      // Group AB has no invoice in this year: last year's, inside the opening balance.
      allocation(17, "BQ-2-2", "AN-1-1", 30000, "2024-02-16"),
      // Group "ac" (partial): no DateLet, so the latest entry date of the group.
      allocation(25, "BQ-3-2", "VE-4-1", 100000, "2024-03-20"),
    ]);
  });

  it("reads suppliers and their open bills", () => {
    expect(result.suppliers).toEqual([
      { line: 33, externalRef: "FOUR1", name: "Fournitures SA", legalId: null, vatId: null },
    ]);
    expect(result.payables).toEqual([
      {
        line: 33,
        supplierRef: "FOUR1",
        externalRef: "AC-1-3",
        number: "FA-77",
        date: "2024-01-10",
        dueDate: null,
        amountMinor: 48000,
        openAmountMinor: 48000,
        currency: "EUR",
      },
    ]);
    expect(result.contacts).toEqual([]);
    expect(result.attachments).toEqual([]);
  });

  it("keeps the customer's balance: open items − unapplied cash = the 411/416 balance", () => {
    const open = result.invoices.reduce((sum, i) => sum + (i.openAmountMinor ?? 0), 0);
    const allocated = result.allocations.reduce((sum, a) => sum + a.amountMinor, 0);
    const unapplied = result.payments.reduce((sum, p) => sum + p.amountMinor, 0) - allocated;
    // 500 + 1200 + 600 − 120 − 1680 − 300 + 2400 + 360 − 1000 + 360 − 360 + 120 = 2080.00
    expect(open - unapplied).toBe(208000);
  });

  it.each([
    ["pipe separators and LF", utf8(fecText(QUARTER, { separator: "|", eol: "\n" }))],
    ["a BOM and CR line ends", utf8(fecText(QUARTER, { eol: "\r" }), { bom: true })],
    ["Windows-1252 bytes", latin1(fecText(QUARTER))],
    ["the 22-column variant", utf8(fecText(QUARTER, { columns: COLUMNS_22 }))],
    [
      "Montant + Sens",
      utf8(
        fecText(
          QUARTER.map((r) => {
            const isDebit = r.Debit !== "0,00";
            return { ...r, Montant: isDebit ? r.Debit : r.Credit, Sens: isDebit ? "D" : "C" };
          }),
          { columns: COLUMNS_MONTANT_SENS },
        ),
      ),
    ],
    [
      "decimal points, spaced thousands and ISO dates",
      utf8(
        fecText(
          QUARTER.map((r) => ({
            ...r,
            Debit: r.Debit?.replace(",", ".").replace(/^(\d)(\d{3})\./, "$1 $2."),
            Credit: r.Credit?.replace(",", ".").replace(/^(\d)(\d{3})\./, "$1 $2."),
            EcritureDate: r.EcritureDate?.replace(/^(\d{4})(\d{2})(\d{2})$/, "$1-$2-$3"),
          })),
        ),
      ),
    ],
  ])("reads the same records from %s", (_, bytes) => {
    expect(parse(bytes)).toEqual(result);
  });
});
