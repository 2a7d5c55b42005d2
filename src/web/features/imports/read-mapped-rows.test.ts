import { describe, expect, it } from "vitest";
import { readAmount, readDate, readMappedRows } from "./read-mapped-rows";

describe("readDate", () => {
  it.each([
    ["2026-03-31", "YYYY-MM-DD", "2026-03-31"],
    ["31/03/2026", "DD/MM/YYYY", "2026-03-31"],
    ["3/1/2026", "MM/DD/YYYY", "2026-03-01"],
    ["1.3.2026", "DD.MM.YYYY", "2026-03-01"],
    ["20260331", "YYYYMMDD", "2026-03-31"],
    ["31/03/2026", "YYYY-MM-DD", null],
    [" 31/03/2026 ", "auto", "31/03/2026"],
  ] as const)("%s as %s → %s", (value, format, expected) => {
    expect(readDate(value, format)).toBe(expected);
  });
});

describe("readAmount", () => {
  it.each([
    ["1 234,50", ",", "1234.50"],
    ["1.234,50", ",", "1234.50"],
    ["1,234.50", ".", "1234.50"],
    ["-12", ".", "-12"],
    ["12,5", ".", null],
    ["abc", ",", null],
    ["1 234,50", "auto", "1234,50"],
  ] as const)("%s with %s → %s", (value, separator, expected) => {
    expect(readAmount(value, separator)).toBe(expected);
  });
});

describe("readMappedRows", () => {
  it("reads the mapped columns of the first rows, and leaves the others out", () => {
    const rows = readMappedRows(
      {
        header: ["Code client", "N° facture", "Échéance", "Montant TTC", "Commentaire"],
        rows: [
          ["C001", "F-1", "31/03/2026", "1 200,00", "x"],
          ["C002", "F-2", "2026-04-30", "12", "y"],
          ["C003", "F-3", "01/05/2026", "3,5", "z"],
        ],
        columns: {
          customer_ref: "Code client",
          number: "N° facture",
          due_date: "Échéance",
          amount: "Montant TTC",
          po_number: "Absent",
        },
        dateFormat: "DD/MM/YYYY",
        decimalSeparator: ",",
      },
      2,
    );
    expect(rows).toEqual([
      { customer_ref: "C001", number: "F-1", due_date: "2026-03-31", amount: "1200.00" },
      { customer_ref: "C002", number: "F-2", due_date: null, amount: "12" },
    ]);
  });
});
