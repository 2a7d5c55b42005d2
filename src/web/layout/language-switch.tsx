import { SegmentedControl } from "@mantine/core";
import type { ReactNode } from "react";
import { useSaveLanguage } from "../features/auth/use-auth-actions";
import { useMe } from "../features/auth/use-me";
import { UI_LANGUAGES, type UiLanguage } from "../i18n/languages";
import { useI18n } from "../i18n/use-i18n";

/** FR / EN. The choice is kept in this browser, and in the user's profile when signed in. */
export function LanguageSwitch(): ReactNode {
  const { language, setLanguage, t } = useI18n();
  const me = useMe();
  const saveLanguage = useSaveLanguage();

  const change = (next: UiLanguage): void => {
    setLanguage(next);
    if (me && me.user.language !== next) saveLanguage.mutate(next);
  };

  return (
    <SegmentedControl<UiLanguage>
      size="xs"
      value={language}
      onChange={change}
      data={UI_LANGUAGES.map((code) => ({ value: code, label: code.toUpperCase() }))}
      aria-label={t("language.label")}
      data-testid="language-switch"
    />
  );
}
