import { Badge, Group, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconBeach, IconClockPause } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Money } from "../../components/money";
import { formatDate } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { ActionCell } from "./action-cell";
import { type CalendarDay, isDayOff } from "./calendar-data";
import { CustomerLink } from "./customer-link";
import { describeDeferral, describeReason, describeRecipient, describeSkip } from "./describe-reason";
import { formatDayHeading } from "./format-day";
import { InvoiceNumbers } from "./invoice-numbers";

type CalendarDayListProps = {
  days: CalendarDay[];
  /** Company codes by id, shown when the calendar covers several companies. */
  companyCodes: ReadonlyMap<number, string>;
};

/** Day after day: what would go out, who is put off and why, and the days when nothing goes out. */
export function CalendarDayList({ days, companyCodes }: CalendarDayListProps): ReactNode {
  return (
    <Stack gap="sm" data-testid="calendar-list">
      {days.map((day) => (
        <DayCard key={day.date} day={day} companyCodes={companyCodes} />
      ))}
    </Stack>
  );
}

function DayCard({
  day,
  companyCodes,
}: {
  day: CalendarDay;
  companyCodes: ReadonlyMap<number, string>;
}): ReactNode {
  const { t, locale } = useI18n();
  const isOff = isDayOff(day);
  const withCompany = companyCodes.size > 1;
  const skipText = (skip: CalendarDay["skipped"][number]): string => {
    const text = describeSkip(t, day.date, skip.reason);
    const code = companyCodes.get(skip.companyId);
    return withCompany && code ? t("dunning.calendar.forCompany", { company: code, text }) : text;
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      bg={isOff ? "var(--mantine-color-gray-1)" : undefined}
      data-testid={`calendar-day-${day.date}`}
      data-off={isOff || undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5">
            <time dateTime={day.date}>{formatDayHeading(day.date, locale)}</time>
          </Title>
          <Group gap={6}>
            {day.actions.length > 0 && (
              <Badge variant="light" radius="sm">
                {t.plural("dunning.actions.count", day.actions.length)}
              </Badge>
            )}
            {day.deferred.length > 0 && (
              <Badge variant="light" color="orange" radius="sm">
                {t.plural("dunning.calendar.deferredCount", day.deferred.length)}
              </Badge>
            )}
            {day.cancelled > 0 && (
              <Badge variant="light" color="gray" radius="sm">
                {t.plural("dunning.calendar.cancelledCount", day.cancelled)}
              </Badge>
            )}
          </Group>
        </Group>
        {day.skipped.map((skip) => (
          <Group key={skip.companyId} gap={6} c="dimmed" data-testid="calendar-skipped">
            <IconBeach size={16} stroke={1.5} aria-hidden />
            <Text size="sm">{t("dunning.calendar.nothing", { why: skipText(skip) })}</Text>
          </Group>
        ))}
        {!isOff && day.actions.length === 0 && day.deferred.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("dunning.calendar.noAction")}
          </Text>
        )}
        {day.actions.length > 0 && <DayActions day={day} />}
        {day.deferred.length > 0 && <DeferredList day={day} />}
      </Stack>
    </Paper>
  );
}

function DayActions({ day }: { day: CalendarDay }): ReactNode {
  const { t, locale } = useI18n();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={6} fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("dunning.col.customer")}</Table.Th>
            <Table.Th>{t("dunning.col.action")}</Table.Th>
            <Table.Th>{t("dunning.col.recipient")}</Table.Th>
            <Table.Th>{t("dunning.col.invoices")}</Table.Th>
            <Table.Th ta="right">{t("dunning.col.amount")}</Table.Th>
            <Table.Th>{t("dunning.col.reason")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {day.actions.map((action) => (
            <Table.Tr
              key={`${action.id}-${action.customer.id}-${action.step}-${action.type}`}
              data-testid="calendar-action"
            >
              <Table.Td>
                <CustomerLink customer={action.customer} />
              </Table.Td>
              <Table.Td>
                <ActionCell action={action} />
              </Table.Td>
              <Table.Td maw={180}>
                <Text size="sm" truncate="end" title={action.recipient ?? undefined}>
                  {describeRecipient(t, action)}
                </Text>
              </Table.Td>
              <Table.Td>
                <InvoiceNumbers numbers={action.invoiceNumbers} />
              </Table.Td>
              <Table.Td ta="right">
                <Money amount={action.amount} currency={action.currency} />
              </Table.Td>
              <Table.Td miw={240} maw={420} data-testid="calendar-reason">
                {describeReason(t, action, locale)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DeferredList({ day }: { day: CalendarDay }): ReactNode {
  const { t, locale } = useI18n();
  const formatDay = (date: string): string => formatDate(date, locale);
  return (
    <Stack gap={4} data-testid="calendar-deferred">
      <Group gap={6}>
        <IconClockPause size={16} stroke={1.5} aria-hidden />
        <Text size="sm" fw={600}>
          {t("dunning.calendar.deferredTitle")}
        </Text>
      </Group>
      <List size="sm" spacing={2} withPadding>
        {day.deferred.map((group) => (
          <List.Item key={`${group.customer.id}-${group.currency}-${group.step}`}>
            <CustomerLink customer={group.customer} />{" "}
            {t("dunning.calendar.deferredWhy", {
              step: group.step,
              why: describeDeferral(t, group.reason, formatDay),
            })}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
