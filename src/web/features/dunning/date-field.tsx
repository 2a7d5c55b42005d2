import { DatePickerInput, DatesProvider } from "@mantine/dates";
import { IconCalendar } from "@tabler/icons-react";
import "dayjs/locale/en-gb";
import "dayjs/locale/fr";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/use-i18n";

const DAYJS_LOCALES = { fr: "fr", en: "en-gb" } as const;

type DateFieldProps = {
  label: string;
  /** `YYYY-MM-DD`, or null for none. */
  value: string | null;
  onChange(value: string | null): void;
  placeholder?: string;
  description?: string;
  minDate?: string;
  isClearable?: boolean;
  error?: string;
  /** Wider for a field with a long description. */
  isWide?: boolean;
  "data-testid"?: string;
};

/** A date picker in the interface language, Monday first, that reads and writes `YYYY-MM-DD`. */
export function DateField(props: DateFieldProps): ReactNode {
  const { t, language } = useI18n();
  return (
    <DatesProvider settings={{ locale: DAYJS_LOCALES[language], firstDayOfWeek: 1 }}>
      <DatePickerInput
        label={props.label}
        description={props.description}
        placeholder={props.placeholder}
        value={props.value}
        onChange={(value) => props.onChange(value ? String(value).slice(0, 10) : null)}
        minDate={props.minDate}
        clearable={props.isClearable}
        clearButtonProps={{ "aria-label": `${t("common.clear")} (${props.label})` }}
        error={props.error}
        valueFormat="DD/MM/YYYY"
        leftSection={<IconCalendar size={16} stroke={1.5} />}
        leftSectionPointerEvents="none"
        w={{ base: "100%", xs: props.isWide ? 320 : 180 }}
        data-testid={props["data-testid"]}
      />
    </DatesProvider>
  );
}
