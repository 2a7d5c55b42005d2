/** Languages the interface is translated into; French is the default and the fallback. */
export const UI_LANGUAGES = ["fr", "en"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const DEFAULT_LANGUAGE: UiLanguage = "fr";

/** Locale used for numbers, money and dates in each interface language. */
export const LOCALES: Record<UiLanguage, string> = { fr: "fr-FR", en: "en-GB" };

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === "string" && (UI_LANGUAGES as readonly string[]).includes(value);
}
