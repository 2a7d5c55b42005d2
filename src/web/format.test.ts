import { describe, expect, it } from "vitest";
import { formatFileSize } from "./format";

describe("formatFileSize", () => {
  it.each([
    [512, "fr-FR", "512 octets"],
    [1536, "fr-FR", "1,5 ko"],
    [5 * 1024 * 1024, "fr-FR", "5 Mo"],
    [512, "en-GB", "512 bytes"],
    [1536, "en-GB", "1.5 kB"],
    [3 * 1024 ** 3, "en-GB", "3 GB"],
  ])("%d bytes in %s → %s", (bytes, locale, expected) => {
    expect(formatFileSize(bytes, locale).replace(/\u202f|\u00a0/g, " ")).toBe(expected);
  });
});
