import { MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import type { ScenarioAction } from "../../../domain/dunning/dunning.schemas";
import { useT } from "../../i18n/use-i18n";
import type { FieldMessages } from "./scenario-issues";
import {
  ACTION_FIELDS,
  type AccountStatus,
  ASSIGNEE_OPTIONS,
  type AssigneeRole,
  CONTACT_ROLE_OPTIONS,
  type InternalRecipient,
  PRIORITY_OPTIONS,
  RECIPIENT_OPTIONS,
  STATUS_OPTIONS,
  TASK_TYPE_OPTIONS,
  type TaskPriority,
  type TaskType,
} from "./scenario-vocabulary";

type ActionFieldsProps = {
  action: ScenarioAction;
  onChange(action: ScenarioAction): void;
  errors: FieldMessages | undefined;
};

function TaskFields({ action, onChange, errors }: ActionFieldsProps): ReactNode {
  const t = useT();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label={t("scenarios.action.taskType")}
        data={TASK_TYPE_OPTIONS.map((value) => ({ value, label: t(`scenarios.taskType.${value}`) }))}
        value={action.taskType ?? null}
        onChange={(value) => onChange({ ...action, taskType: (value as TaskType | null) ?? undefined })}
        error={errors?.taskType}
        withAsterisk
        data-testid="action-task-type"
      />
      <Select
        label={t("scenarios.action.assigneeRole")}
        data={ASSIGNEE_OPTIONS.map((value) => ({ value, label: t(`scenarios.recipient.${value}`) }))}
        value={action.assigneeRole ?? null}
        onChange={(value) =>
          onChange({ ...action, assigneeRole: (value as AssigneeRole | null) ?? undefined })
        }
        error={errors?.assigneeRole}
        withAsterisk
        data-testid="action-assignee"
      />
      <Select
        label={t("scenarios.action.priority")}
        data={PRIORITY_OPTIONS.map((value) => ({ value, label: t(`scenarios.priority.${value}`) }))}
        value={action.priority ?? null}
        onChange={(value) => onChange({ ...action, priority: (value as TaskPriority | null) ?? undefined })}
        error={errors?.priority}
        clearable
        data-testid="action-priority"
      />
      <NumberInput
        label={t("scenarios.action.dueInDays")}
        description={t("scenarios.action.dueInDaysHint")}
        value={action.dueInDays ?? ""}
        onChange={(value) =>
          onChange({ ...action, dueInDays: typeof value === "number" ? value : undefined })
        }
        allowDecimal={false}
        min={0}
        max={365}
        error={errors?.dueInDays}
        data-testid="action-due-in"
      />
    </SimpleGrid>
  );
}

/** The fields an action of this type uses; the others are not shown and not sent. */
export function ActionFields(props: ActionFieldsProps): ReactNode {
  const { action, onChange, errors } = props;
  const t = useT();
  const fields = ACTION_FIELDS[action.type];
  const recipientData = RECIPIENT_OPTIONS.map((value) => ({
    value,
    label: t(`scenarios.recipient.${value}`),
  }));
  const contactData = [...new Set([...CONTACT_ROLE_OPTIONS, ...action.contactRoles])].map((value) => ({
    value,
    label: t.optional("contactRole.", value),
  }));

  return (
    <Stack>
      {fields.includes("contactRoles") && (
        <MultiSelect
          label={t("scenarios.action.contactRoles")}
          description={t("scenarios.action.contactRolesHint")}
          placeholder={action.contactRoles.length === 0 ? t("scenarios.action.allContacts") : undefined}
          data={contactData}
          value={action.contactRoles}
          onChange={(contactRoles) => onChange({ ...action, contactRoles })}
          error={errors?.contactRoles}
          clearable
          data-testid="action-contact-roles"
        />
      )}
      {fields.includes("cc") && (
        <MultiSelect
          label={t("scenarios.action.cc")}
          data={recipientData}
          value={action.cc}
          onChange={(cc) => onChange({ ...action, cc: cc as InternalRecipient[] })}
          error={errors?.cc}
          clearable
          data-testid="action-cc"
        />
      )}
      {fields.includes("recipients") && (
        <MultiSelect
          label={t("scenarios.action.recipients")}
          data={recipientData}
          value={action.recipients}
          onChange={(recipients) => onChange({ ...action, recipients: recipients as InternalRecipient[] })}
          error={errors?.recipients}
          withAsterisk
          data-testid="action-recipients"
        />
      )}
      {fields.includes("task") && <TaskFields {...props} />}
      {fields.includes("status") && (
        <Select
          label={t("scenarios.action.status")}
          data={STATUS_OPTIONS.map((value) => ({ value, label: t(`scenarios.status.${value}`) }))}
          value={action.status ?? null}
          onChange={(value) => onChange({ ...action, status: (value as AccountStatus | null) ?? undefined })}
          error={errors?.status}
          withAsterisk
          data-testid="action-status"
        />
      )}
      {fields.includes("title") && (
        <TextInput
          label={t("scenarios.action.titleLabel")}
          placeholder={t("scenarios.action.titlePlaceholder")}
          value={action.title ?? ""}
          onChange={(event) => onChange({ ...action, title: event.currentTarget.value })}
          error={errors?.title}
          maxLength={200}
          data-testid="action-title"
        />
      )}
      {fields.includes("template") && (
        <TextInput
          label={t("scenarios.action.templateLabel")}
          description={t("scenarios.action.templateHint")}
          value={action.template ?? ""}
          onChange={(event) => onChange({ ...action, template: event.currentTarget.value })}
          error={errors?.template}
          maxLength={100}
          ff="monospace"
          data-testid="action-template"
        />
      )}
      {action.type === "interest" && (
        <Text size="sm" c="dimmed">
          {t("scenarios.action.interestHelp")}
        </Text>
      )}
      {action.type === "litigation" && (
        <Text size="sm" c="dimmed">
          {t("scenarios.action.litigationHelp")}
        </Text>
      )}
    </Stack>
  );
}
