import { ActionIcon, Button, Card, Collapse, Group, Select, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconFilter, IconTrash } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import type { ActionType, ScenarioAction, StepCondition } from "../../../domain/dunning/dunning.schemas";
import { useT } from "../../i18n/use-i18n";
import { ActionFields } from "./action-fields";
import { ACTION_COLORS, ActionTypeIcon } from "./action-icon";
import { ConditionBuilder } from "./condition-builder";
import { emptyAction } from "./scenario-draft";
import { type FieldMessages, subMessages } from "./scenario-issues";
import { ACTION_TYPE_OPTIONS, STEP_CONDITION_KINDS } from "./scenario-vocabulary";

type ActionEditorProps = {
  companyId: number;
  action: ScenarioAction;
  /** 1-based, for labels: "Action 2". */
  number: number;
  errors: FieldMessages | undefined;
  onChange(action: ScenarioAction): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
  isFirst: boolean;
  isLast: boolean;
};

/** One action of a step: its type, the fields that type uses, and conditions of its own. */
export function ActionEditor(props: ActionEditorProps): ReactNode {
  const { companyId, action, number, errors, onChange } = props;
  const t = useT();
  const [showConditions, setShowConditions] = useState(action.conditions.length > 0);
  const typeLabel = t(`scenarios.actionType.${action.type}`);

  return (
    <Card withBorder radius="md" padding="sm" data-testid={`action-editor-${number}`}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon variant="light" color={ACTION_COLORS[action.type]} radius="xl">
              <ActionTypeIcon type={action.type} />
            </ThemeIcon>
            <Select
              aria-label={t("scenarios.action.type", { number })}
              data={ACTION_TYPE_OPTIONS.map((type) => ({
                value: type,
                label: t(`scenarios.actionType.${type}`),
              }))}
              value={action.type}
              onChange={(type) =>
                type && onChange({ ...emptyAction(type as ActionType), conditions: action.conditions })
              }
              allowDeselect={false}
              w={240}
              data-testid="action-type"
            />
          </Group>
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => props.onMove(-1)}
              disabled={props.isFirst}
              aria-label={t("scenarios.action.up", { type: typeLabel, number })}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => props.onMove(1)}
              disabled={props.isLast}
              aria-label={t("scenarios.action.down", { type: typeLabel, number })}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={props.onRemove}
              aria-label={t("scenarios.action.remove", { type: typeLabel, number })}
              data-testid="action-remove"
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Group>
        <ActionFields action={action} onChange={onChange} errors={errors} />
        <div>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconFilter size={14} />}
            onClick={() => setShowConditions((shown) => !shown)}
            aria-expanded={showConditions}
            data-testid="action-conditions-toggle"
          >
            {action.conditions.length === 0
              ? t("scenarios.action.conditionsNone")
              : t.plural("scenarios.action.conditions", action.conditions.length)}
          </Button>
          <Collapse expanded={showConditions}>
            <Stack gap="xs" pt="xs">
              <Text size="xs" c="dimmed">
                {t("scenarios.action.conditionsHint")}
              </Text>
              <ConditionBuilder
                conditions={action.conditions}
                onChange={(conditions) => onChange({ ...action, conditions: conditions as StepCondition[] })}
                kinds={STEP_CONDITION_KINDS}
                errors={subMessages(errors, "conditions")}
                companyId={companyId}
                emptyText={t("scenarios.action.noConditions")}
                data-testid="action-conditions"
              />
            </Stack>
          </Collapse>
        </div>
      </Stack>
    </Card>
  );
}
