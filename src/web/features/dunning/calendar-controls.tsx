import { Button, Group, SegmentedControl, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../../i18n/use-i18n";
import { CompanySelect } from "./company-select";
import { DateField } from "./date-field";
import type { CalendarParams } from "./dunning-api";
import { CALENDAR_SPANS } from "./use-calendar-params";

type CalendarControlsProps = {
  query: CalendarParams;
  /** The start date the server used (today in the company's time zone when none was chosen). */
  shownDate: string | undefined;
  onChange(changes: Partial<Record<"companyId" | "date" | "days", string | number | null | undefined>>): void;
};

/** Company, first day and number of days of the simulation. */
export function CalendarControls({ query, shownDate, onChange }: CalendarControlsProps): ReactNode {
  const t = useT();
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <CompanySelect
        value={query.companyId}
        onChange={(companyId) => onChange({ companyId })}
        data-testid="calendar-company"
      />
      <DateField
        label={t("dunning.calendar.start")}
        value={query.date ?? shownDate ?? null}
        onChange={(date) => onChange({ date })}
        data-testid="calendar-date"
      />
      {query.date && (
        <Button variant="subtle" onClick={() => onChange({ date: null })} data-testid="calendar-today">
          {t("dunning.calendar.today")}
        </Button>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500} id="calendar-days-label">
          {t("dunning.calendar.span")}
        </Text>
        <SegmentedControl
          value={String(query.days)}
          onChange={(days) => onChange({ days: days === "14" ? null : days })}
          data={CALENDAR_SPANS.map((value) => ({
            value,
            label: t("dunning.calendar.days", { count: value }),
          }))}
          aria-labelledby="calendar-days-label"
          data-testid="calendar-days"
        />
      </Stack>
    </Group>
  );
}
