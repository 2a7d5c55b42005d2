import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../../shared/errors";
import { parseReferenceRatesCsv } from "./reference-rates-csv";
import { SHIPPED_RATES_FILE } from "./shipped-reference-rates";

function issuesOf(text: string) {
  try {
    parseReferenceRatesCsv(text);
  } catch (error) {
    if (isDomainError(error))
      return (error.details.issues ?? []).map(({ line, column, value }) => ({ line, column, value }));
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("parseReferenceRatesCsv", () => {
  it("reads the shipped table, notes with unquoted commas and the provisional rows", () => {
    const rows = parseReferenceRatesCsv(readFileSync(SHIPPED_RATES_FILE, "utf8"));
    expect(rows).toHaveLength(95);
    expect(rows.find((r) => r.series === "FR_LEGAL_OTHER")).toMatchObject({
      line: 62,
      effectiveFrom: "2020-01-01",
      ratePercent: "0.87",
      note: "taux de l'interet legal, autres cas",
      isProvisional: false,
    });
    expect(rows.filter((r) => r.isProvisional).map((r) => `${r.series} ${r.effectiveFrom}`)).toEqual([
      "ECB_MRO 2026-06-17",
      "DE_BASISZINSSATZ 2026-07-01",
    ]);
    expect(rows.find((r) => r.ratePercent === "-0.88")?.series).toBe("DE_BASISZINSSATZ");
  });

  it("accepts semicolons, decimal commas, French dates, a provisional column, quotes and a BOM", () => {
    const text =
      '\uFEFFseries;effective_from;rate_percent;provisional;note\r\nECB_MRO;01/01/2027;2,25;yes;"a; b"\r\n\r\n';
    expect(parseReferenceRatesCsv(text)).toEqual([
      {
        line: 2,
        series: "ECB_MRO",
        effectiveFrom: "2027-01-01",
        ratePercent: "2.25",
        note: "a; b",
        isProvisional: true,
      },
    ]);
  });

  it.each<[string, string, { line: number; column: string; value: unknown }[]]>([
    [
      "every bad cell, with its line, column and value",
      "series,effective_from,rate_percent,note\nECB,2025-01-01,3.15,\nECB_MRO,2025-02-30,3.15,\nECB_MRO,2025-03-01,3.1x,\nECB_MRO,2025-04-01,300,",
      [
        { line: 2, column: "series", value: "ECB" },
        { line: 3, column: "effective_from", value: "2025-02-30" },
        { line: 4, column: "rate_percent", value: "3.1x" },
        { line: 5, column: "rate_percent", value: "300" },
      ],
    ],
    [
      "a rate given twice",
      "series,effective_from,rate_percent\nECB_MRO,2025-01-01,3.15\nECB_MRO,2025-01-01,3.20",
      [{ line: 3, column: "effective_from", value: "2025-01-01" }],
    ],
    [
      "a header without the rate, and an unknown column",
      "series,effective_from,rate,note\nECB_MRO,2025-01-01,3.15,",
      [
        { line: 1, column: "rate_percent", value: "series,effective_from,rate,note" },
        { line: 1, column: "rate", value: "rate" },
      ],
    ],
    [
      "a header and no rows",
      "series,effective_from,rate_percent\n",
      [{ line: 1, column: "file", value: "" }],
    ],
    ["an empty file", "  \n", [{ line: 1, column: "file", value: "" }]],
  ])("refuses %s", (_label, text, expected) => {
    expect(issuesOf(text)).toEqual(expected);
  });
});
