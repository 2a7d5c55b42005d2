import { Group, Paper, Stack, Text, ThemeIcon } from "@mantine/core";
import type { ReactNode } from "react";
import type { ScenarioAction } from "../../../domain/dunning/dunning.schemas";
import { useI18n } from "../../i18n/use-i18n";
import { ACTION_COLORS, ActionTypeIcon } from "./action-icon";
import { describeAction } from "./describe-action";

/** An action of a step on the timeline: icon, type and the few words that say what it does. */
export function ActionChip({ action, hasIssue }: { action: ScenarioAction; hasIssue: boolean }): ReactNode {
  const { t, locale } = useI18n();
  const { title, details } = describeAction(action, t, locale);
  return (
    <Paper
      withBorder
      radius="md"
      px="sm"
      py={6}
      maw={360}
      style={hasIssue ? { borderColor: "var(--mantine-color-red-6)" } : undefined}
      data-testid={`action-chip-${action.type}`}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <ThemeIcon size="md" variant="light" color={ACTION_COLORS[action.type]} radius="xl">
          <ActionTypeIcon type={action.type} />
        </ThemeIcon>
        <Stack gap={0} miw={0}>
          <Text size="sm" fw={600}>
            {title}
          </Text>
          {details.map((detail) => (
            <Text key={detail} size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
              {detail}
            </Text>
          ))}
        </Stack>
      </Group>
    </Paper>
  );
}
