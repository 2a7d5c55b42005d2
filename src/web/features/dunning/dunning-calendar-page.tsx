import { Alert, Group, Paper, Skeleton, Stack, Tabs, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconCalendarEvent, IconFlask, IconUsers } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useMemo, useState } from "react";
import type { RunResult } from "../../../domain/dunning/dunning.schemas";
import { QueryError } from "../../components/query-error";
import { useT } from "../../i18n/use-i18n";
import { companiesQuery } from "../companies/companies-api";
import { CalendarControls } from "./calendar-controls";
import { mergeDays } from "./calendar-data";
import { CalendarDayList } from "./calendar-day-list";
import { CalendarTimeline } from "./calendar-timeline";
import { calendarQuery } from "./dunning-api";
import { RunNowButton, RunResultAlert } from "./run-now-button";
import { type CalendarView, useCalendarParams } from "./use-calendar-params";

/** `/dunning/calendar`: what the coming days' runs would do, simulated; nothing is written. */
export function DunningCalendarPage(): ReactNode {
  const t = useT();
  useDocumentTitle(`${t("dunning.calendar.title")} · Encours`);
  const { query, view, update } = useCalendarParams();
  const calendar = useQuery(calendarQuery(query));
  const companies = useQuery(companiesQuery).data?.items ?? [];
  const [lastRun, setLastRun] = useState<RunResult | null>(null);
  const days = useMemo(() => (calendar.data ? mergeDays(calendar.data.days) : []), [calendar.data]);
  const companyCodes = useMemo(() => new Map(companies.map((c) => [c.id, c.code])), [companies]);
  const company = companies.find((c) => c.id === query.companyId);
  const actionCount = days.reduce((sum, day) => sum + day.actions.length, 0);

  return (
    <Stack gap="md" data-testid="dunning-calendar">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ flex: "1 1 420px" }}>
          <Title order={1} size="h2">
            {t("dunning.calendar.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("dunning.calendar.subtitle")}
          </Text>
        </Stack>
        <RunNowButton
          companyId={query.companyId}
          companyLabel={
            company
              ? `${company.code} · ${company.name}`
              : companies.length === 1
                ? (companies[0]?.name ?? null)
                : null
          }
          date={query.date ?? calendar.data?.date}
          onRun={setLastRun}
        />
      </Group>
      <Alert color="blue" variant="light" icon={<IconFlask />} data-testid="calendar-simulation">
        {t("dunning.calendar.simulation")}
      </Alert>
      {lastRun && <RunResultAlert result={lastRun} onClose={() => setLastRun(null)} />}
      <Paper withBorder radius="md" p="sm">
        <CalendarControls
          query={query}
          shownDate={calendar.data?.date}
          onChange={(changes) => update(changes)}
        />
      </Paper>
      {calendar.isError && <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />}
      {calendar.isPending && <Skeleton height={320} radius="md" />}
      {calendar.data && (
        <Tabs
          value={view}
          onChange={(next) => update({ view: next === "days" ? null : next }, { replace: true })}
          keepMounted={false}
          variant="outline"
          style={{ opacity: calendar.isPlaceholderData ? 0.6 : 1 }}
        >
          <Group justify="space-between" align="flex-end" gap="sm">
            <Tabs.List>
              <Tabs.Tab
                value={"days" satisfies CalendarView}
                leftSection={<IconCalendarEvent size={16} />}
                data-testid="calendar-tab-days"
              >
                {t("dunning.calendar.tab.days")}
              </Tabs.Tab>
              <Tabs.Tab
                value={"customers" satisfies CalendarView}
                leftSection={<IconUsers size={16} />}
                data-testid="calendar-tab-customers"
              >
                {t("dunning.calendar.tab.customers")}
              </Tabs.Tab>
            </Tabs.List>
            <Text size="sm" c="dimmed" data-testid="calendar-total">
              {t.plural("dunning.calendar.total", actionCount, { days: days.length })}
            </Text>
          </Group>
          <Tabs.Panel value="days" pt="md">
            <CalendarDayList days={days} companyCodes={companyCodes} />
          </Tabs.Panel>
          <Tabs.Panel value="customers" pt="md">
            <CalendarTimeline days={days} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
