import { useEffect } from "react";
import type { Me } from "../../../domain/users/users.schemas";
import { isUiLanguage } from "../../i18n/languages";
import { useI18n } from "../../i18n/use-i18n";

/** Once signed in, the interface speaks the language saved in the user's profile (when it is translated). */
export function useProfileLanguage(me: Me | null): void {
  const { setLanguage } = useI18n();
  const userId = me?.user.id;
  const language = me?.user.language;
  useEffect(() => {
    if (userId !== undefined && isUiLanguage(language)) setLanguage(language);
  }, [userId, language, setLanguage]);
}
