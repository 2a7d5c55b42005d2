import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import type { PlannedAction } from "../../../domain/dunning/dunning.schemas";
import { isApiError } from "../../api/api-error";
import { useT } from "../../i18n/use-i18n";
import { ActionTypeLabel } from "./action-type";
import { useEditAction } from "./use-review-actions";

type EditActionModalProps = { action: PlannedAction | null; onClose(): void };

/** Recipient and personal note of an action waiting for review. */
export function EditActionModal({ action, onClose }: EditActionModalProps): ReactNode {
  const t = useT();
  return (
    <Modal opened={action !== null} onClose={onClose} title={t("dunning.edit.title")} size="lg">
      {action && <EditActionForm key={action.id} action={action} onClose={onClose} />}
    </Modal>
  );
}

function initialNote(action: PlannedAction): string {
  const note = action.params.note;
  return typeof note === "string" ? note : "";
}

function EditActionForm({ action, onClose }: { action: PlannedAction; onClose(): void }): ReactNode {
  const t = useT();
  const [recipient, setRecipient] = useState(action.recipient ?? "");
  const [note, setNote] = useState(initialNote(action));
  const edit = useEditAction(onClose);
  const issues = isApiError(edit.error) ? edit.error.issues : [];
  const issueOf = (field: string): string | undefined =>
    issues.find((issue) => issue.field === field || issue.field.endsWith(`.${field}`))?.message;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const nextRecipient = recipient.trim();
    const nextNote = note.trim();
    const input = {
      recipient: nextRecipient && nextRecipient !== action.recipient ? nextRecipient : undefined,
      note: nextNote !== initialNote(action) ? nextNote : undefined,
    };
    if (input.recipient === undefined && input.note === undefined) {
      onClose();
      return;
    }
    edit.mutate({ id: action.id, input });
  };

  return (
    <form onSubmit={submit} data-testid="edit-action-form">
      <Stack gap="md">
        <Group gap="sm">
          <ActionTypeLabel type={action.type} channel={action.channel} />
          <Text size="sm" c="dimmed">
            {action.customer.name} · {action.stepName}
          </Text>
        </Group>
        <TextInput
          label={t("dunning.edit.recipient")}
          description={t("dunning.edit.recipientHint")}
          value={recipient}
          onChange={(event) => setRecipient(event.currentTarget.value)}
          error={issueOf("recipient")}
          maxLength={500}
          data-autofocus
          data-testid="edit-recipient"
        />
        <Textarea
          label={t("dunning.edit.note")}
          description={t("dunning.edit.noteHint")}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={issueOf("note")}
          maxLength={2000}
          autosize
          minRows={3}
          maxRows={10}
          data-testid="edit-note"
        />
        {edit.isError && !issueOf("recipient") && !issueOf("note") && (
          <Alert color="red" variant="light" data-testid="edit-error">
            {isApiError(edit.error) ? edit.error.message : t("error.generic")}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t("dunning.cancel")}
          </Button>
          <Button type="submit" loading={edit.isPending} data-testid="edit-save">
            {t("dunning.edit.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
