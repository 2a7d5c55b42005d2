import { describe, expect, it } from "vitest";
import { addFiles, canSnapshot, isAcceptedFile, MAX_FILES } from "./import-files";

const file = (name: string, size = 10, lastModified = 1): File =>
  new File(["x".repeat(size)], name, { lastModified });

describe("isAcceptedFile", () => {
  it.each([
    ["factures.csv", true],
    ["FEC.TXT", true],
    ["export.xlsx", true],
    ["Balance.XLSX", true],
    ["ancien.xls", false],
    ["facture.xml", true],
    ["facturx.PDF", true],
    ["notes.doc", false],
    ["csv", false],
  ])("%s → %s", (name, expected) => {
    expect(isAcceptedFile(file(name))).toBe(expected);
  });
});

describe("addFiles", () => {
  it("keeps the order, refuses unknown extensions and skips a file picked twice", () => {
    const first = file("a.csv");
    const result = addFiles([first], [file("a.csv"), file("b.csv", 20), file("notes.doc")]);
    expect(result.files.map((f) => f.name)).toEqual(["a.csv", "b.csv"]);
    expect(result.refused).toEqual(["notes.doc"]);
    expect(result.isTruncated).toBe(false);
  });

  it("keeps two files of the same name that differ in size or date", () => {
    const result = addFiles([], [file("a.csv", 1), file("a.csv", 2), file("a.csv", 2, 5)]);
    expect(result.files).toHaveLength(3);
  });

  it(`stops at ${MAX_FILES} files`, () => {
    const many = Array.from({ length: MAX_FILES + 2 }, (_, i) => file(`f${i}.csv`));
    const result = addFiles([], many);
    expect(result.files).toHaveLength(MAX_FILES);
    expect(result.isTruncated).toBe(true);
  });
});

describe("canSnapshot", () => {
  it("is offered for invoices only", () => {
    expect(canSnapshot("invoices")).toBe(true);
    expect(canSnapshot("payments")).toBe(false);
    expect(canSnapshot("fec")).toBe(false);
  });
});
