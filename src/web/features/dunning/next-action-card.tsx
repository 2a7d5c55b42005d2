import { Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconCalendarDue } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { CustomerDunning } from "../../../domain/dunning/dunning.schemas";
import { DateText } from "../../components/date-text";
import { useI18n } from "../../i18n/use-i18n";
import { ActionTypeLabel } from "./action-type";
import { describeReason } from "./describe-reason";

/** The next action the runs would plan for this customer: when, what, and why. */
export function NextActionCard({ dunning }: { dunning: CustomerDunning }): ReactNode {
  const { t, locale } = useI18n();
  const next = dunning.nextAction;
  return (
    <Card withBorder radius="md" padding="md" data-testid="next-action">
      <Stack gap="sm">
        <Group gap={6}>
          <IconCalendarDue size={18} stroke={1.5} aria-hidden />
          <Title order={3} size="h5">
            {t("dunning.next.title")}
          </Title>
        </Group>
        {next ? (
          <Stack gap={6}>
            <Group gap="sm">
              <Text fw={700} data-testid="next-action-date">
                <DateText value={next.date} />
              </Text>
              <ActionTypeLabel type={next.type} />
            </Group>
            <Text size="sm" fw={600}>
              {next.stepName}
            </Text>
            <Text size="sm" data-testid="next-action-reason">
              {describeReason(t, { ...next, scenario: dunning.scenario?.name ?? "" }, locale)}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed" data-testid="next-action-none">
            {dunning.holds.length > 0 ? t("dunning.next.noneHeld") : t("dunning.next.none")}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
