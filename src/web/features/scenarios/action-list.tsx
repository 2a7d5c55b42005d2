import { Button, Group, Menu, Stack, Text, Title } from "@mantine/core";
import { IconChevronDown, IconPlus } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { ActionType, ScenarioAction } from "../../../domain/dunning/dunning.schemas";
import { useT } from "../../i18n/use-i18n";
import { ActionEditor } from "./action-editor";
import { ActionTypeIcon } from "./action-icon";
import { emptyAction, MAX_ACTIONS, moveItem } from "./scenario-draft";
import type { FieldMessages } from "./scenario-issues";
import { ACTION_TYPE_OPTIONS } from "./scenario-vocabulary";

type ActionListProps = {
  companyId: number;
  actions: readonly ScenarioAction[];
  onChange(actions: ScenarioAction[]): void;
  issues: Record<number, FieldMessages>;
  error?: string;
};

/** The actions a step carries out together, each in its own card; add one from the menu. */
export function ActionList({ companyId, actions, onChange, issues, error }: ActionListProps): ReactNode {
  const t = useT();
  const replace = (index: number, action: ScenarioAction): void =>
    onChange(actions.map((item, position) => (position === index ? action : item)));
  const add = (type: ActionType): void => onChange([...actions, emptyAction(type)]);

  return (
    <Stack gap="sm" data-testid="action-list">
      <Group justify="space-between" align="center">
        <Stack gap={0}>
          <Title order={3} size="h5">
            {t("scenarios.step.actions")}
          </Title>
          <Text size="xs" c="dimmed">
            {t("scenarios.step.actionsHint")}
          </Text>
        </Stack>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              rightSection={<IconChevronDown size={14} />}
              disabled={actions.length >= MAX_ACTIONS}
              data-testid="action-add"
            >
              {t("scenarios.action.add")}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {ACTION_TYPE_OPTIONS.map((type) => (
              <Menu.Item
                key={type}
                leftSection={<ActionTypeIcon type={type} />}
                onClick={() => add(type)}
                data-testid={`action-add-${type}`}
              >
                {t(`scenarios.actionType.${type}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {error && (
        <Text size="sm" c="red.7">
          {error}
        </Text>
      )}
      {actions.map((action, index) => (
        <ActionEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: actions have no identity of their own
          key={index}
          companyId={companyId}
          action={action}
          number={index + 1}
          errors={issues[index]}
          onChange={(next) => replace(index, next)}
          onMove={(delta) => onChange(moveItem(actions, index, delta))}
          onRemove={() => onChange(actions.filter((_, position) => position !== index))}
          isFirst={index === 0}
          isLast={index === actions.length - 1}
        />
      ))}
    </Stack>
  );
}
