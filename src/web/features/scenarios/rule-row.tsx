import { ActionIcon, Anchor, Group, Stack, Switch, Table, Text, Tooltip } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { AssignmentRule } from "../../../domain/dunning/dunning.schemas";
import { formatNumber } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { capitalize, describeConditions } from "./describe-condition";
import type { RuleActions } from "./use-rule-actions";

type RuleRowProps = {
  rule: AssignmentRule;
  index: number;
  count: number;
  actions: RuleActions;
  onEdit(): void;
  onDelete(): void;
};

/** One assignment rule: its rank (with up and down), what it asks of a customer, and its scenario. */
export function RuleRow({ rule, index, count, actions, onEdit, onDelete }: RuleRowProps): ReactNode {
  const { t, locale } = useI18n();
  const { isBusy } = actions;
  const conditions = describeConditions(rule.conditions, t, locale);
  return (
    <Table.Tr data-testid={`rule-row-${rule.id}`} opacity={rule.isEnabled ? 1 : 0.6}>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Text fw={700} w={24} ta="right" aria-label={t("scenarios.rules.rank", { rank: index + 1 })}>
            {formatNumber(index + 1, locale)}
          </Text>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => actions.move.mutate({ index, delta: -1 })}
            disabled={index === 0 || isBusy}
            aria-label={t("scenarios.rules.up", { name: rule.name })}
            data-testid={`rule-up-${rule.id}`}
          >
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => actions.move.mutate({ index, delta: 1 })}
            disabled={index === count - 1 || isBusy}
            aria-label={t("scenarios.rules.down", { name: rule.name })}
            data-testid={`rule-down-${rule.id}`}
          >
            <IconArrowDown size={16} />
          </ActionIcon>
        </Group>
      </Table.Td>
      <Table.Td fw={600}>{rule.name}</Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {conditions.map((text, position) => (
            <Text key={text} size="sm">
              {position > 0 && (
                <>
                  <Text span size="xs" c="dimmed" fw={600} tt="uppercase">
                    {t("scenarios.cond.and")}
                  </Text>{" "}
                </>
              )}
              {position === 0 ? capitalize(text, locale) : text}
            </Text>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/scenarios/${rule.scenarioId}`} size="sm">
          {rule.scenarioName}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Switch
          checked={rule.isEnabled}
          onChange={(event) => actions.toggle.mutate({ rule, isEnabled: event.currentTarget.checked })}
          disabled={isBusy}
          aria-label={t("scenarios.rules.enable", { name: rule.name })}
          data-testid={`rule-enabled-${rule.id}`}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Tooltip label={t("scenarios.rules.edit")}>
            <ActionIcon
              variant="subtle"
              onClick={onEdit}
              disabled={isBusy}
              aria-label={t("scenarios.rules.editNamed", { name: rule.name })}
              data-testid={`rule-edit-${rule.id}`}
            >
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t("scenarios.rules.delete")}>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={onDelete}
              disabled={isBusy}
              aria-label={t("scenarios.rules.deleteNamed", { name: rule.name })}
              data-testid={`rule-delete-${rule.id}`}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
