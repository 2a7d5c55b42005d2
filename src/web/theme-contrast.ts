import { DEFAULT_THEME, type MantineColorsTuple } from "@mantine/core";

/**
 * Colours that keep text readable (WCAG 2 AA: 4.5:1 for normal text). Mantine's light scheme draws coloured text,
 * outlines and filled buttons in shade 6 and light badges in shade 9 on shade 1, which for most palettes falls
 * below 4.5:1 (orange 6 on white: 2.6:1). For each colour we take the lightest of shades 6–9 that reaches the ratio
 * on white and on its own light background, or shade 9 darkened until it does (orange, yellow, green…).
 */
export const MIN_CONTRAST = 4.5;

function channels(hex: string): [number, number, number] {
  const value = hex.replace("#", "");
  return [0, 2, 4].map((i) => Number.parseInt(value.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `hex` mixed with black: `amount` 0 leaves it, 1 is black. */
function darken(hex: string, amount: number): string {
  return `#${channels(hex)
    .map((c) =>
      Math.round(c * (1 - amount))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

const readable = (hex: string, backgrounds: readonly string[]) =>
  backgrounds.every((background) => contrastRatio(hex, background) >= MIN_CONTRAST);

/** The text colour of a palette, readable on white and on the palette's light background (shade 1). */
export function readableShade(colors: MantineColorsTuple): string {
  const backgrounds = ["#ffffff", colors[1]];
  for (const shade of [6, 7, 8, 9] as const) {
    if (readable(colors[shade], backgrounds)) return colors[shade];
  }
  let amount = 0.05;
  while (!readable(darken(colors[9], amount), backgrounds) && amount < 1) amount += 0.05;
  return darken(colors[9], amount);
}

/**
 * Light-scheme CSS variables: coloured text, outlines, light-variant text and filled backgrounds (with white text)
 * in each palette's readable shade, light backgrounds hovered in shade 1; dimmed text and placeholders in gray 7 (gray 6 is 3.3:1 on white, gray 5
 * 2.1:1; a date field's placeholder is real text); links in the primary's; fields' errors in the readable red.
 */
export function readableColorVariables(primaryColor: string): Record<string, string> {
  const variables: Record<string, string> = {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-7)",
    // A field's error message and its text are drawn in red 6 (3.3:1 on white): the readable red instead.
    "--mantine-color-error": "var(--mantine-color-red-text)",
  };
  for (const [name, colors] of Object.entries(DEFAULT_THEME.colors)) {
    if (name === "dark") continue;
    const shade = readableShade(colors);
    variables[`--mantine-color-${name}-text`] = shade;
    variables[`--mantine-color-${name}-filled`] = shade;
    variables[`--mantine-color-${name}-filled-hover`] = darken(shade, 0.15);
    variables[`--mantine-color-${name}-outline`] = shade;
    variables[`--mantine-color-${name}-light-color`] = shade;
    // Hovered, a light button or badge keeps a background its text is readable on (shade 2 is not).
    variables[`--mantine-color-${name}-light-hover`] = colors[1];
    if (name === primaryColor) {
      variables["--mantine-color-anchor"] = shade;
      // The primary colour's aliases, used by variant-less components (buttons, navigation links, badges).
      variables["--mantine-primary-color-filled"] = shade;
      variables["--mantine-primary-color-filled-hover"] = darken(shade, 0.15);
      variables["--mantine-primary-color-light-color"] = shade;
      variables["--mantine-primary-color-light-hover"] = colors[1];
    }
  }
  return variables;
}
