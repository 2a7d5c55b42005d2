import { ActionIcon, Badge, Group, List, Stack, Text, Tooltip } from "@mantine/core";
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowUp,
  IconEyeCheck,
  IconPencil,
  IconTrash,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { ScenarioStep } from "../../../domain/dunning/dunning.schemas";
import { useI18n } from "../../i18n/use-i18n";
import { ActionChip } from "./action-chip";
import { describeConditions } from "./describe-condition";
import { dueDayLabel, offsetLabel, offsetText } from "./offset-label";
import { countIssues, type StepIssues } from "./scenario-issues";

export type StepControls = {
  onEdit(): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
  isFirst: boolean;
  isLast: boolean;
};

type StepItemProps = {
  step: ScenarioStep;
  /** Days from the due date when every previous step happened on time. */
  dueDay: number;
  /** The step does not come after the previous one in time. */
  isOutOfOrder: boolean;
  issues: StepIssues | undefined;
  /** Absent: a read-only view (an old version). */
  controls?: StepControls;
};

function StepButtons({ step, controls }: { step: ScenarioStep; controls: StepControls }): ReactNode {
  const { t } = useI18n();
  const name = step.name || step.key;
  return (
    <Group gap={2} wrap="nowrap">
      <Tooltip label={t("scenarios.step.edit")}>
        <ActionIcon
          variant="subtle"
          onClick={controls.onEdit}
          aria-label={t("scenarios.step.editNamed", { name })}
          data-testid={`step-edit-${step.key}`}
        >
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <ActionIcon
        variant="subtle"
        color="gray"
        onClick={() => controls.onMove(-1)}
        disabled={controls.isFirst}
        aria-label={t("scenarios.step.up", { name })}
        data-testid={`step-up-${step.key}`}
      >
        <IconArrowUp size={16} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray"
        onClick={() => controls.onMove(1)}
        disabled={controls.isLast}
        aria-label={t("scenarios.step.down", { name })}
        data-testid={`step-down-${step.key}`}
      >
        <IconArrowDown size={16} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        onClick={controls.onRemove}
        aria-label={t("scenarios.step.remove", { name })}
        data-testid={`step-remove-${step.key}`}
      >
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

/** One step on the timeline: when, what it is called, under which conditions, and what it does. */
export function StepItem({ step, dueDay, isOutOfOrder, issues, controls }: StepItemProps): ReactNode {
  const { t, locale } = useI18n();
  const conditions = describeConditions(step.conditions, t, locale);
  const issueCount = countIssues(issues);
  const stepMessages = [
    ...Object.values(issues?.fields ?? {}),
    ...Object.entries(issues?.actions ?? {}).flatMap(([index, fields]) =>
      Object.values(fields).map((message) =>
        t("scenarios.step.actionIssue", { number: Number(index) + 1, message }),
      ),
    ),
  ];
  return (
    <Stack gap="xs" data-testid={`scenario-step-${step.key}`}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={2} miw={0}>
          <Group gap="xs" align="center">
            <Badge size="lg" radius="sm" variant="filled" style={{ fontVariantNumeric: "tabular-nums" }}>
              {offsetLabel(step, t)}
            </Badge>
            <Text fw={700}>{step.name || t("scenarios.step.untitled")}</Text>
            {step.review && (
              <Badge
                color="violet"
                variant="light"
                radius="sm"
                leftSection={<IconEyeCheck size={12} aria-hidden />}
                title={t("scenarios.step.reviewHint")}
              >
                {t("scenarios.step.review")}
              </Badge>
            )}
            {issueCount > 0 && (
              <Badge
                color="red"
                variant="light"
                radius="sm"
                leftSection={<IconAlertTriangle size={12} aria-hidden />}
              >
                {t.plural("scenarios.step.issues", issueCount)}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {offsetText(step, t)}
            {step.from === "previous_step" &&
              ` · ${t("scenarios.step.earliest", { day: dueDayLabel(dueDay, t) })}`}
            {` · ${t("scenarios.step.key", { key: step.key })}`}
          </Text>
        </Stack>
        {controls && <StepButtons step={step} controls={controls} />}
      </Group>
      {isOutOfOrder && (
        <Text size="sm" c="orange.8">
          {t("scenarios.step.outOfOrder")}
        </Text>
      )}
      {conditions.length > 0 && (
        <Text size="sm">
          <Text span fw={600} size="sm">
            {t("scenarios.step.onlyIf")}
          </Text>{" "}
          {conditions.join(t("scenarios.cond.joiner"))}
        </Text>
      )}
      <Group gap="xs" align="stretch">
        {step.actions.map((action, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: actions have no identity of their own
          <ActionChip key={index} action={action} hasIssue={Boolean(issues?.actions[index])} />
        ))}
      </Group>
      {stepMessages.length > 0 && (
        <List size="sm" c="red.7" data-testid="step-issues">
          {stepMessages.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
