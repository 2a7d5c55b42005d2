import type { ReactNode } from "react";
import { formatDate } from "../format";
import { useI18n } from "../i18n/use-i18n";

/** A business date (`YYYY-MM-DD`) in the user's locale; a dash when there is none. */
export function DateText({ value }: { value: string | null | undefined }): ReactNode {
  const { locale, t } = useI18n();
  if (!value) return t("common.none");
  return (
    <time dateTime={value} style={{ whiteSpace: "nowrap" }}>
      {formatDate(value, locale)}
    </time>
  );
}
