import { ActionIcon, Button, Group, Select, Stack, Text } from "@mantine/core";
import { IconPlus, IconX } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useT } from "../../i18n/use-i18n";
import { ConditionValueInput } from "./condition-value-input";
import type { AnyCondition } from "./describe-condition";
import { MAX_CONDITIONS } from "./scenario-draft";
import { type FieldMessages, messagesUnder } from "./scenario-issues";
import { type ConditionKind, type ConditionOp, OPS_BY_KIND } from "./scenario-vocabulary";

type Field = AnyCondition["field"];

type ConditionBuilderProps = {
  conditions: readonly AnyCondition[];
  onChange(conditions: AnyCondition[]): void;
  /** The fields offered, and how each one's value is edited. */
  kinds: Partial<Record<Field, ConditionKind>>;
  /** Messages by path under the conditions: "0.value", "1.values" … */
  errors?: FieldMessages;
  companyId: number | null;
  emptyText: string;
  disabled?: boolean;
  "data-testid": string;
};

/** A new condition on `field`, keeping the comparison when the new field allows it. */
export function conditionFor(field: Field, kind: ConditionKind, op?: ConditionOp): AnyCondition {
  const ops = OPS_BY_KIND[kind];
  const chosen = op && ops.includes(op) ? op : ops[0];
  switch (kind) {
    case "amount":
      return { field, op: chosen, value: "" } as AnyCondition;
    case "number":
      return { field, op: chosen, value: 0 } as AnyCondition;
    case "text":
      return { field, op: chosen, values: [] } as AnyCondition;
    case "boolean":
      return { field, op: "eq", value: true } as AnyCondition;
  }
}

/** Rows of "field, comparison, value"; every condition must hold. */
export function ConditionBuilder(props: ConditionBuilderProps): ReactNode {
  const { conditions, onChange, kinds, errors, companyId, disabled } = props;
  const t = useT();
  const fields = Object.keys(kinds) as Field[];
  const replace = (index: number, next: AnyCondition): void =>
    onChange(conditions.map((condition, position) => (position === index ? next : condition)));
  const remove = (index: number): void => onChange(conditions.filter((_, position) => position !== index));
  const add = (): void => {
    const field = fields[0];
    const kind = field && kinds[field];
    if (field && kind) onChange([...conditions, conditionFor(field, kind)]);
  };

  return (
    <Stack gap="xs" data-testid={props["data-testid"]}>
      {conditions.length === 0 && (
        <Text size="sm" c="dimmed">
          {props.emptyText}
        </Text>
      )}
      {conditions.map((condition, index) => {
        const kind = kinds[condition.field] ?? "text";
        const message = messagesUnder(errors, String(index)).join(" ; ");
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity; rows are edited in place
          <Group key={index} gap="xs" align="flex-start" wrap="wrap" data-testid="condition-row">
            {index > 0 && (
              <Text size="xs" c="dimmed" fw={600} w={24} pt={8} tt="uppercase">
                {t("scenarios.cond.and")}
              </Text>
            )}
            {index === 0 && <Text w={24} aria-hidden />}
            <Select
              aria-label={t("scenarios.cond.field")}
              data={fields.map((field) => ({ value: field, label: t(`scenarios.field.${field}`) }))}
              value={condition.field}
              onChange={(field) => {
                const nextKind = field ? kinds[field as Field] : undefined;
                if (field && nextKind) replace(index, conditionFor(field as Field, nextKind, condition.op));
              }}
              allowDeselect={false}
              disabled={disabled}
              w={{ base: "100%", xs: 230 }}
              data-testid="condition-field"
            />
            {kind !== "boolean" && (
              <Select
                aria-label={t("scenarios.cond.op")}
                data={OPS_BY_KIND[kind].map((op) => ({ value: op, label: t(`scenarios.opLabel.${op}`) }))}
                value={condition.op}
                onChange={(op) => op && replace(index, { ...condition, op } as AnyCondition)}
                allowDeselect={false}
                disabled={disabled}
                w={{ base: "100%", xs: 150 }}
                data-testid="condition-op"
              />
            )}
            <ConditionValueInput
              condition={condition}
              onChange={(next) => replace(index, next)}
              companyId={companyId}
              error={message || undefined}
              label={t("scenarios.cond.value")}
              disabled={disabled}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              onClick={() => remove(index)}
              aria-label={t("scenarios.cond.remove")}
              disabled={disabled}
            >
              <IconX size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      {conditions.length < MAX_CONDITIONS && (
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={add}
          disabled={disabled}
          style={{ alignSelf: "flex-start" }}
          data-testid="condition-add"
        >
          {t("scenarios.cond.add")}
        </Button>
      )}
    </Stack>
  );
}
