import { createContext, useContext } from "react";
import type { UiLanguage } from "./languages";
import type { Translate } from "./messages";

export type I18n = {
  language: UiLanguage;
  /** BCP 47 locale for Intl formatting: fr-FR or en-GB. */
  locale: string;
  /** Changes the interface language on this browser (the profile is updated by the caller). */
  setLanguage(language: UiLanguage): void;
  t: Translate;
};

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n must be used inside <I18nProvider>");
  return i18n;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useLocale(): string {
  return useI18n().locale;
}
