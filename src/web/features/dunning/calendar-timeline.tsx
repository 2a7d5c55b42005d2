import { Badge, Group, Paper, SimpleGrid, Stack, Text, Timeline } from "@mantine/core";
import { IconClockPause } from "@tabler/icons-react";
import { type ReactNode, useMemo, useState } from "react";
import { DateText } from "../../components/date-text";
import { Money } from "../../components/money";
import { SearchInput } from "../../components/search-input";
import { formatDate } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { ActionTypeLabel } from "./action-type";
import { type CalendarDay, type CustomerPlan, plansByCustomer } from "./calendar-data";
import { CustomerLink } from "./customer-link";
import { describeDeferral, describeReason, describeRecipient } from "./describe-reason";

/** Customer by customer: the dated actions coming up, soonest first. */
export function CalendarTimeline({ days }: { days: CalendarDay[] }): ReactNode {
  const { t, locale } = useI18n();
  const [search, setSearch] = useState("");
  const plans = useMemo(() => plansByCustomer(days, locale), [days, locale]);
  const needle = search.toLocaleLowerCase(locale);
  const shown = needle
    ? plans.filter(
        (plan) =>
          plan.customer.name.toLocaleLowerCase(locale).includes(needle) ||
          plan.customer.externalRef.toLocaleLowerCase(locale).includes(needle),
      )
    : plans;

  return (
    <Stack gap="sm" data-testid="calendar-timeline">
      <Group justify="space-between" gap="sm">
        <div style={{ flex: "0 1 360px" }}>
          <SearchInput
            value={search}
            onSearch={setSearch}
            placeholder={t("dunning.calendar.searchCustomer")}
          />
        </div>
        <Text size="sm" c="dimmed">
          {t.plural("dunning.calendar.customerCount", shown.length)}
        </Text>
      </Group>
      {shown.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="lg">
          {t("dunning.calendar.noCustomer")}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        {shown.map((plan) => (
          <CustomerPlanCard key={plan.customer.id} plan={plan} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

type Entry =
  | { kind: "action"; key: string; date: string; action: CustomerPlan["actions"][number] }
  | { kind: "deferred"; key: string; date: string; group: CustomerPlan["deferred"][number] };

/** Actions and put-off messages in one line of time. */
function entriesOf(plan: CustomerPlan): Entry[] {
  const entries: Entry[] = [
    ...plan.actions.map((action, index) => ({
      kind: "action" as const,
      key: `a-${action.id}-${index}`,
      date: action.runDate,
      action,
    })),
    ...plan.deferred.map((group, index) => ({
      kind: "deferred" as const,
      key: `d-${group.date}-${index}`,
      date: group.date,
      group,
    })),
  ];
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function CustomerPlanCard({ plan }: { plan: CustomerPlan }): ReactNode {
  const { t, locale } = useI18n();
  const formatDay = (date: string): string => formatDate(date, locale);
  return (
    <Paper withBorder radius="md" p="md" data-testid={`calendar-customer-${plan.customer.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Stack gap={0}>
            <CustomerLink customer={plan.customer} />
            <Text size="xs" c="dimmed">
              {plan.customer.externalRef}
            </Text>
          </Stack>
          <Badge variant="light" radius="sm">
            {t.plural("dunning.actions.count", plan.actions.length)}
          </Badge>
        </Group>
        <Timeline bulletSize={22} lineWidth={2} active={-1}>
          {entriesOf(plan).map((entry) =>
            entry.kind === "action" ? (
              <Timeline.Item
                key={entry.key}
                bullet={<ActionTypeLabel type={entry.action.type} channel={entry.action.channel} isCompact />}
                title={
                  <Group gap={6}>
                    <DateText value={entry.date} />
                    <Text span size="sm" fw={600}>
                      {entry.action.stepName}
                    </Text>
                    <Text span size="sm" c="dimmed">
                      · {t.optional("dunning.type.", entry.action.type)}
                    </Text>
                  </Group>
                }
              >
                <Text size="xs" c="dimmed">
                  {describeRecipient(t, entry.action)} ·{" "}
                  <Money amount={entry.action.amount} currency={entry.action.currency} />
                </Text>
                <Text size="sm">{describeReason(t, entry.action, locale)}</Text>
              </Timeline.Item>
            ) : (
              <Timeline.Item
                key={entry.key}
                bullet={<IconClockPause size={14} aria-hidden />}
                color="orange"
                title={
                  <Group gap={6}>
                    <DateText value={entry.date} />
                    <Text span size="sm" c="orange" fw={600}>
                      {t("dunning.calendar.deferredOne", { step: entry.group.step })}
                    </Text>
                  </Group>
                }
              >
                <Text size="sm" c="dimmed">
                  {describeDeferral(t, entry.group.reason, formatDay)}
                </Text>
              </Timeline.Item>
            ),
          )}
        </Timeline>
      </Stack>
    </Paper>
  );
}
