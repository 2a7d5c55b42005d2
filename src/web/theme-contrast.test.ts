import { DEFAULT_THEME } from "@mantine/core";
import { describe, expect, it } from "vitest";
import { contrastRatio, MIN_CONTRAST, readableColorVariables, readableShade } from "./theme-contrast";

const PALETTES = Object.entries(DEFAULT_THEME.colors).filter(([name]) => name !== "dark");

describe("readable colours", () => {
  it.each(PALETTES)("%s text reaches 4.5:1 on white and on its light background", (_, colors) => {
    const shade = readableShade(colors);
    expect(contrastRatio(shade, "#ffffff")).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrastRatio(shade, colors[1])).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  it("keeps a palette's own shade when it is readable, darkens the others", () => {
    expect(readableShade(DEFAULT_THEME.colors.gray)).toBe(DEFAULT_THEME.colors.gray[7]);
    expect(DEFAULT_THEME.colors.orange).not.toContain(readableShade(DEFAULT_THEME.colors.orange));
    expect(contrastRatio("#868e96", "#ffffff")).toBeCloseTo(3.32, 2);
  });

  it("points links and dimmed text at readable colours", () => {
    const variables = readableColorVariables("indigo");
    expect(variables["--mantine-color-anchor"]).toBe(readableShade(DEFAULT_THEME.colors.indigo));
    expect(variables["--mantine-color-dimmed"]).toBe("var(--mantine-color-gray-7)");
    expect(variables["--mantine-color-error"]).toBe("var(--mantine-color-red-text)");
    expect(contrastRatio(variables["--mantine-color-red-text"] ?? "", "#ffffff")).toBeGreaterThanOrEqual(
      MIN_CONTRAST,
    );
  });

  it("keeps light buttons readable when hovered, the primary colour's aliases too", () => {
    const variables = readableColorVariables("indigo");
    const indigo = DEFAULT_THEME.colors.indigo;
    for (const name of ["indigo", "red", "orange"] as const) {
      const text = variables[`--mantine-color-${name}-light-color`] ?? "";
      const hover = variables[`--mantine-color-${name}-light-hover`] ?? "";
      expect(contrastRatio(text, hover)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
    expect(variables["--mantine-primary-color-light-color"]).toBe(readableShade(indigo));
    expect(variables["--mantine-primary-color-light-hover"]).toBe(indigo[1]);
  });
});
