import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { createTranslate } from "./create-translate";
import { DEFAULT_LANGUAGE, isUiLanguage, LOCALES, type UiLanguage } from "./languages";
import { type I18n, I18nContext } from "./use-i18n";

const STORAGE_KEY = "encours.language";

function readStoredLanguage(): UiLanguage {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return isUiLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}

export function I18nProvider({ children }: { children: ReactNode }): ReactNode {
  const [language, setLanguageState] = useState<UiLanguage>(readStoredLanguage);

  const setLanguage = useCallback((next: UiLanguage) => {
    setLanguageState(next);
    window.localStorage.setItem(STORAGE_KEY, next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const i18n = useMemo<I18n>(
    () => ({ language, locale: LOCALES[language], setLanguage, t: createTranslate(language) }),
    [language, setLanguage],
  );
  return <I18nContext value={i18n}>{children}</I18nContext>;
}
