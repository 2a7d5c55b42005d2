import {
  Alert,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconAlertTriangle, IconPlus } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import type { ScenarioDetail, ScenarioStep } from "../../../domain/dunning/dunning.schemas";
import { useT } from "../../i18n/use-i18n";
import { ConfirmModal } from "./confirm-modal";
import { insertionIndex, MAX_STEPS, newStep } from "./scenario-draft";
import { messagesUnder } from "./scenario-issues";
import { StepDrawer } from "./step-drawer";
import { StepTimeline } from "./step-timeline";
import type { ScenarioEditor } from "./use-scenario-editor";

/** The step being edited: its position (null for a new one) and the copy the drawer works on. */
type Editing = { index: number | null; step: ScenarioStep };

/** The editor's main tab: name and description, the timeline of steps, and the step drawer. */
export function ScenarioSteps({
  scenario,
  editor,
}: {
  scenario: ScenarioDetail;
  editor: ScenarioEditor;
}): ReactNode {
  const t = useT();
  const { draft, issues } = editor;
  const steps = draft.definition.steps;
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const topMessages = Object.entries(issues.top).filter(
    ([field]) => field !== "name" && !field.endsWith("description"),
  );
  const hasStepIssues = Object.keys(issues.steps).length > 0;

  const apply = (step: ScenarioStep): void => {
    if (!editing || editing.index === null) editor.insertStep(insertionIndex(steps, step), step);
    else editor.setStep(editing.index, step);
    setEditing(null);
  };

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <TextInput
            label={t("scenarios.form.name")}
            value={draft.name}
            onChange={(event) => editor.setName(event.currentTarget.value)}
            error={
              messagesUnder(issues.top, "name").join(" ; ") ||
              (draft.name.trim() ? undefined : t("scenarios.check.required"))
            }
            maxLength={100}
            withAsterisk
            data-testid="scenario-name-input"
          />
          <Textarea
            label={t("scenarios.form.description")}
            value={draft.definition.description ?? ""}
            onChange={(event) => editor.setDescription(event.currentTarget.value)}
            error={messagesUnder(issues.top, "definition.description").join(" ; ") || undefined}
            maxLength={1000}
            autosize
            minRows={1}
            maxRows={4}
            data-testid="scenario-description"
          />
        </SimpleGrid>
      </Card>
      {(topMessages.length > 0 || hasStepIssues) && (
        <Alert
          color="red"
          icon={<IconAlertTriangle />}
          title={t("scenarios.editor.notSaved")}
          data-testid="scenario-issues"
        >
          <Stack gap={4}>
            <Text size="sm">{t("scenarios.editor.fixIssues")}</Text>
            {topMessages.length > 0 && (
              <List size="sm">
                {topMessages.map(([field, message]) => (
                  <List.Item key={field}>{message}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        </Alert>
      )}
      {scenario.customerCount > 0 && editor.isDirty && (
        <Text size="sm" c="dimmed">
          {t.plural("scenarios.editor.versionNote", scenario.customerCount)}
        </Text>
      )}
      <StepTimeline
        steps={steps}
        issues={issues.steps}
        controls={(index) => ({
          onEdit: () => {
            const step = steps[index];
            if (step) setEditing({ index, step });
          },
          onMove: (delta) => editor.moveStep(index, delta),
          onRemove: () => setRemoving(index),
          isFirst: index === 0,
          isLast: index === steps.length - 1,
        })}
      />
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing({ index: null, step: newStep(steps) })}
          disabled={steps.length >= MAX_STEPS}
          data-testid="step-add"
        >
          {t("scenarios.step.add")}
        </Button>
      </Group>
      {editing && (
        <StepDrawer
          companyId={scenario.companyId}
          step={editing.step}
          isNew={editing.index === null}
          position={editing.index ?? steps.length}
          otherKeys={steps.filter((_, index) => index !== editing.index).map((step) => step.key)}
          serverIssues={editing.index === null ? undefined : issues.steps[editing.index]}
          onApply={apply}
          onClose={() => setEditing(null)}
        />
      )}
      {removing !== null && (
        <ConfirmModal
          title={t("scenarios.step.removeTitle")}
          message={t("scenarios.step.removeConfirm", { name: steps[removing]?.name ?? "" })}
          confirmLabel={t("scenarios.step.removeButton")}
          isPending={false}
          onConfirm={() => {
            editor.removeStep(removing);
            setRemoving(null);
          }}
          onClose={() => setRemoving(null)}
          data-testid="step-remove-confirm"
        />
      )}
    </Stack>
  );
}
