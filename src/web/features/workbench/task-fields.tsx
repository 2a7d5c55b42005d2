import { Group, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { WORK_TASK_TYPES } from "../../../domain/workbench/workbench.schemas";
import { useT } from "../../i18n/use-i18n";
import { browserToday } from "../dunning/browser-today";
import { DateField } from "../dunning/date-field";
import type { DraftErrors, TaskDraft } from "./drafts";
import { issueOf } from "./use-workbench-mutations";

type TaskFieldsProps = {
  draft: TaskDraft;
  onChange(draft: TaskDraft): void;
  errors: DraftErrors;
  apiError: unknown;
};

/** The next thing to do on this customer: a call, an email or a review, on a day; yours unless reassigned later. */
export function TaskFields({ draft, onChange, errors, apiError }: TaskFieldsProps): ReactNode {
  const t = useT();
  return (
    <Stack gap="sm" data-testid="task-fields">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="task-type-label">
            {t("workbench.task.type")}
          </Text>
          <SegmentedControl
            value={draft.type}
            onChange={(type) => onChange({ ...draft, type: type as TaskDraft["type"] })}
            data={WORK_TASK_TYPES.map((value) => ({ value, label: t(`workbench.task.type.${value}`) }))}
            aria-labelledby="task-type-label"
            data-testid="task-type"
          />
        </Stack>
        <DateField
          label={t("workbench.task.dueDate")}
          value={draft.dueDate}
          onChange={(dueDate) => onChange({ ...draft, dueDate })}
          minDate={browserToday()}
          error={errors.dueDate ?? issueOf(apiError, "nextTask.dueDate")}
          data-testid="task-due"
        />
      </Group>
      <TextInput
        label={t("workbench.task.title")}
        placeholder={t("workbench.task.titlePlaceholder")}
        value={draft.title}
        onChange={(event) => onChange({ ...draft, title: event.currentTarget.value })}
        maxLength={300}
        error={issueOf(apiError, "nextTask.title")}
        data-testid="task-title"
      />
    </Stack>
  );
}
