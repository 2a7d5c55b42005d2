import { en } from "./en";
import { fr } from "./fr";
import { LOCALES, type UiLanguage } from "./languages";
import type { Messages, MessageValues, Translate } from "./messages";

const DICTIONARIES: Record<UiLanguage, Messages> = { fr, en };

/** Replaces `{name}` placeholders; unknown placeholders are left as they are, to be seen and fixed. */
export function interpolate(template: string, values?: MessageValues): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : placeholder,
  );
}

export function createTranslate(language: UiLanguage): Translate {
  const messages: Readonly<Record<string, string>> = DICTIONARIES[language];
  const fallback: Readonly<Record<string, string>> = fr;
  const locale = LOCALES[language];
  const pluralRules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const lookup = (key: string): string | undefined => {
    if (Object.hasOwn(messages, key)) return messages[key];
    return Object.hasOwn(fallback, key) ? fallback[key] : undefined;
  };

  const translate = (key: string, values?: MessageValues): string => interpolate(lookup(key) ?? key, values);
  return Object.assign(translate, {
    plural(key: string, count: number, values?: MessageValues): string {
      const form = pluralRules.select(count) === "one" ? "one" : "other";
      return translate(`${key}.${form}`, { ...values, count: numbers.format(count) });
    },
    optional(prefix: string, value: string): string {
      return lookup(`${prefix}${value}`) ?? value;
    },
  });
}
