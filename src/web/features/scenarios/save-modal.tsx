import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { isApiError } from "../../api/api-error";
import { QueryError } from "../../components/query-error";
import { useT } from "../../i18n/use-i18n";
import type { ScenarioEditor } from "./use-scenario-editor";

/** Asks what changed, then saves the draft as a new version; field issues close it to show them in place. */
export function SaveModal({ editor, onClose }: { editor: ScenarioEditor; onClose(): void }): ReactNode {
  const t = useT();
  const [comment, setComment] = useState("");
  const { save } = editor;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    save.mutate(comment, {
      onSuccess: onClose,
      onError: (error) => {
        if (isApiError(error, 400) && error.issues.length > 0) onClose();
      },
    });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("scenarios.save.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate data-testid="scenario-save-form">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("scenarios.save.hint")}
          </Text>
          <Textarea
            label={t("scenarios.save.comment")}
            placeholder={t("scenarios.save.commentPlaceholder")}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={3}
            data-autofocus
            data-testid="scenario-comment"
          />
          {save.isError && !(isApiError(save.error, 400) && save.error.issues.length > 0) && (
            <QueryError error={save.error} />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={save.isPending}>
              {t("scenarios.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="scenario-save-confirm">
              {t("scenarios.save.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
