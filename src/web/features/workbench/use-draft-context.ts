import { useI18n } from "../../i18n/use-i18n";
import type { DraftContext } from "./drafts";

/** The interface language and the messages the form checks show. */
export function useDraftContext(): DraftContext {
  const { t, language } = useI18n();
  return {
    language,
    messages: {
      required: t("workbench.required"),
      amount: t("workbench.amountInvalid"),
      invoices: t("workbench.invoicesRequired"),
    },
  };
}
