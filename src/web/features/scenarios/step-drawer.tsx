import {
  Alert,
  Button,
  Divider,
  Drawer,
  Group,
  Input,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconAlertTriangle } from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useState } from "react";
import type { ScenarioStep, StepCondition } from "../../../domain/dunning/dunning.schemas";
import { useT } from "../../i18n/use-i18n";
import { ActionList } from "./action-list";
import { checkStep, hasIssues } from "./check-step";
import { ConditionBuilder } from "./condition-builder";
import { offsetLabel, offsetText } from "./offset-label";
import { suggestStepKey } from "./scenario-draft";
import { type StepIssues, subMessages } from "./scenario-issues";
import { STEP_CONDITION_KINDS } from "./scenario-vocabulary";
import { withoutFields } from "./without-fields";

type StepDrawerProps = {
  companyId: number;
  step: ScenarioStep;
  isNew: boolean;
  /** Where the step is (or will be) in the scenario, for the suggested key. */
  position: number;
  otherKeys: readonly string[];
  /** What the server said about this step at the last save. */
  serverIssues: StepIssues | undefined;
  onApply(step: ScenarioStep): void;
  onClose(): void;
};

const NO_STEP_ISSUES: StepIssues = { fields: {}, actions: {} };

/** Edits one step on a copy; "Apply" puts it back into the draft, which is saved with the scenario. */
export function StepDrawer(props: StepDrawerProps): ReactNode {
  const { companyId, isNew, position, otherKeys, onApply, onClose } = props;
  const t = useT();
  const isNarrow = useMediaQuery("(max-width: 48em)");
  const [step, setStep] = useState<ScenarioStep>(props.step);
  const [isKeyEdited, setKeyEdited] = useState(!isNew);
  const [issues, setIssues] = useState<StepIssues>(props.serverIssues ?? NO_STEP_ISSUES);

  const change = (changes: Partial<ScenarioStep>): void => {
    setIssues((previous) => ({ ...previous, fields: withoutFields(previous.fields, Object.keys(changes)) }));
    setStep((previous) => {
      const next = { ...previous, ...changes };
      if (!isKeyEdited && ("offsetDays" in changes || "from" in changes)) {
        next.key = suggestStepKey(next, otherKeys, position);
      }
      return next;
    });
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found = checkStep(step, otherKeys, t);
    setIssues(found);
    if (!hasIssues(found)) onApply(step);
  };
  const field = (name: string): string | undefined => issues.fields[name];

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={isNarrow ? "100%" : "xl"}
      title={
        <Title order={2} size="h4">
          {isNew ? t("scenarios.step.newTitle") : t("scenarios.step.editTitle", { name: props.step.name })}
        </Title>
      }
      closeButtonProps={{ "aria-label": t("common.close") }}
      data-testid="step-drawer"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {hasIssues(issues) && (
            <Alert color="red" icon={<IconAlertTriangle />} data-testid="step-drawer-issues">
              {t("scenarios.step.fixBelow")}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t("scenarios.step.name")}
              placeholder={t("scenarios.step.namePlaceholder")}
              value={step.name}
              onChange={(event) => change({ name: event.currentTarget.value })}
              error={field("name")}
              withAsterisk
              maxLength={100}
              data-autofocus
              data-testid="step-name"
            />
            <TextInput
              label={t("scenarios.step.keyLabel")}
              description={t("scenarios.step.keyHint")}
              value={step.key}
              onChange={(event) => {
                setKeyEdited(true);
                change({ key: event.currentTarget.value });
              }}
              error={field("key")}
              withAsterisk
              maxLength={40}
              ff="monospace"
              data-testid="step-key"
            />
          </SimpleGrid>
          <Group gap="md" align="flex-start" wrap="wrap">
            <NumberInput
              label={t("scenarios.step.offset")}
              description={t("scenarios.step.offsetHint")}
              value={step.offsetDays}
              onChange={(value) => change({ offsetDays: typeof value === "number" ? value : 0 })}
              allowDecimal={false}
              min={-365}
              max={3650}
              error={field("offsetDays")}
              w={200}
              data-testid="step-offset"
            />
            <Select
              label={t("scenarios.step.from")}
              data={[
                { value: "due_date", label: t("scenarios.step.from.due_date") },
                { value: "previous_step", label: t("scenarios.step.from.previous_step") },
              ]}
              value={step.from}
              onChange={(value) =>
                value && change({ from: value === "previous_step" ? "previous_step" : "due_date" })
              }
              allowDeselect={false}
              error={field("from")}
              w={240}
              data-testid="step-from"
            />
          </Group>
          <Text size="sm" data-testid="step-offset-preview">
            <Text span fw={700}>
              {offsetLabel(step, t)}
            </Text>{" "}
            · {offsetText(step, t)}
          </Text>
          <Switch
            label={t("scenarios.step.reviewLabel")}
            description={t("scenarios.step.reviewHint")}
            checked={step.review}
            onChange={(event) => change({ review: event.currentTarget.checked })}
            data-testid="step-review"
          />
          <Input.Wrapper
            label={t("scenarios.step.conditions")}
            description={t("scenarios.step.conditionsHint")}
          >
            <Stack pt="xs">
              <ConditionBuilder
                conditions={step.conditions}
                onChange={(conditions) => change({ conditions: conditions as StepCondition[] })}
                kinds={STEP_CONDITION_KINDS}
                errors={subMessages(issues.fields, "conditions")}
                companyId={companyId}
                emptyText={t("scenarios.step.noConditions")}
                data-testid="step-conditions"
              />
            </Stack>
          </Input.Wrapper>
          <Divider />
          <ActionList
            companyId={companyId}
            actions={step.actions}
            onChange={(actions) => change({ actions })}
            issues={issues.actions}
            error={field("actions")}
          />
          <Divider />
          <Text size="xs" c="dimmed">
            {t("scenarios.step.applyHint")}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("scenarios.cancel")}
            </Button>
            <Button type="submit" data-testid="step-apply">
              {t("scenarios.step.apply")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
