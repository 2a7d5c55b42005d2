import type { LanguageCode } from "../../shared/schemas";
import type { TemplateBody, TemplateChannel } from "./communications.schemas";
import { LETTERS_EN } from "./shipped-letters-en";
import { LETTERS_DE, LETTERS_ES, LETTERS_IT, LETTERS_NL } from "./shipped-letters-eu";
import { LETTERS_FR } from "./shipped-letters-fr";
import { SHIPPED_SMS } from "./shipped-sms";
import { SHIPPED_DE } from "./shipped-templates-de";
import { SHIPPED_EN } from "./shipped-templates-en";
import { SHIPPED_ES } from "./shipped-templates-es";
import { SHIPPED_FR } from "./shipped-templates-fr";
import { SHIPPED_IT } from "./shipped-templates-it";
import { SHIPPED_NL } from "./shipped-templates-nl";

type Texts = Partial<Record<LanguageCode, Readonly<Record<string, TemplateBody>>>>;

/** Shipped texts per channel and language; a language missing here falls back to English. */
const SHIPPED: Readonly<Record<TemplateChannel, Texts>> = {
  email: { fr: SHIPPED_FR, en: SHIPPED_EN, de: SHIPPED_DE, es: SHIPPED_ES, it: SHIPPED_IT, nl: SHIPPED_NL },
  letter: { fr: LETTERS_FR, en: LETTERS_EN, de: LETTERS_DE, es: LETTERS_ES, it: LETTERS_IT, nl: LETTERS_NL },
  sms: SHIPPED_SMS,
};

export type ShippedTemplate = { body: TemplateBody; language: LanguageCode; isFallback: boolean };

/** The email templates of the three shipped scenarios (emails, statement, internal emails). */
export const SHIPPED_EMAIL_CODES: readonly string[] = Object.keys(SHIPPED_EN);

/** Every shipped code per channel (the English set is complete). */
export const SHIPPED_CODES: Readonly<Record<TemplateChannel, readonly string[]>> = {
  email: SHIPPED_EMAIL_CODES,
  letter: Object.keys(LETTERS_EN),
  sms: Object.keys(SHIPPED_SMS.en ?? {}),
};

export function findShippedTemplate(
  code: string,
  language: LanguageCode,
  channel: TemplateChannel,
): ShippedTemplate | null {
  const texts = SHIPPED[channel];
  const own = texts[language]?.[code];
  if (own) return { body: own, language, isFallback: false };
  const english = texts.en?.[code];
  return english ? { body: english, language: "en", isFallback: language !== "en" } : null;
}
