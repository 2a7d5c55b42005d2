import { Anchor, Badge, Group, Paper, Text } from "@mantine/core";
import { IconCalendarDue, IconPlayerPause, IconRoute } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { DateText } from "../../components/date-text";
import { useUrlParams } from "../../hooks/use-url-params";
import { useT } from "../../i18n/use-i18n";
import { customerDunningQuery } from "./dunning-api";
import { scenarioSource } from "./scenario-card";

/** One line under the customer's header: scenario, next action and holds; a link opens the dunning tab. */
export function CustomerDunningSummary({ customerId }: { customerId: number }): ReactNode {
  const t = useT();
  const { update } = useUrlParams();
  const dunning = useQuery(customerDunningQuery(customerId)).data;
  if (!dunning) return null;
  const { scenario, nextAction, holds } = dunning;
  return (
    <Paper withBorder radius="md" px="md" py="xs" data-testid="customer-dunning-summary">
      <Group gap="lg" wrap="wrap">
        <Group gap={6} wrap="nowrap">
          <IconRoute size={16} stroke={1.5} aria-hidden />
          <Text size="sm">
            {scenario ? (
              <>
                <Text span fw={600} inherit>
                  {scenario.name}
                </Text>{" "}
                <Text span c="dimmed" inherit>
                  ({scenarioSource(t, scenario)})
                </Text>
              </>
            ) : (
              t("dunning.scenario.none")
            )}
          </Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <IconCalendarDue size={16} stroke={1.5} aria-hidden />
          <Text size="sm" data-testid="summary-next-action">
            {nextAction ? (
              <>
                {t("dunning.next.short")} <DateText value={nextAction.date} /> — {nextAction.stepName} (
                {t.optional("dunning.type.", nextAction.type)})
              </>
            ) : (
              t("dunning.next.noneShort")
            )}
          </Text>
        </Group>
        {holds.length > 0 && (
          <Badge color="orange" variant="light" radius="sm" leftSection={<IconPlayerPause size={12} />}>
            {t.plural("dunning.hold.activeCount", holds.length)}
          </Badge>
        )}
        <Anchor
          component="button"
          type="button"
          size="sm"
          ml="auto"
          onClick={() => update({ tab: "dunning" }, { replace: true })}
        >
          {t("dunning.summary.open")}
        </Anchor>
      </Group>
    </Paper>
  );
}
