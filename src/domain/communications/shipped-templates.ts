import type { LanguageCode } from "../../shared/schemas";
import type { TemplateBody, TemplateChannel } from "./communications.schemas";
import { SHIPPED_EN } from "./shipped-templates-en";
import { SHIPPED_FR } from "./shipped-templates-fr";

/** Shipped texts per language; a language missing here falls back to English. */
const SHIPPED: Partial<Record<LanguageCode, Readonly<Record<string, TemplateBody>>>> = {
  fr: SHIPPED_FR,
  en: SHIPPED_EN,
};

export type ShippedTemplate = { body: TemplateBody; language: LanguageCode; isFallback: boolean };

/** The email templates of the three shipped scenarios (emails, statement, internal emails). */
export const SHIPPED_EMAIL_CODES: readonly string[] = Object.keys(SHIPPED_EN);

export function findShippedTemplate(
  code: string,
  language: LanguageCode,
  channel: TemplateChannel,
): ShippedTemplate | null {
  if (channel !== "email") return null;
  const own = SHIPPED[language]?.[code];
  if (own) return { body: own, language, isFallback: false };
  const english = SHIPPED_EN[code];
  return english ? { body: english, language: "en", isFallback: language !== "en" } : null;
}
