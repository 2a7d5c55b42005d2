import { Button, Chip, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { useT } from "../../i18n/use-i18n";

type ReasonModalProps = {
  opened: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  /** An ignore needs a reason; an undo may have one. */
  isReasonRequired: boolean;
  /** Ready-made reasons the user can pick with one click. */
  suggestions?: readonly string[];
  color?: string;
  isBusy: boolean;
  onConfirm(reason: string): void;
  onClose(): void;
  testId: string;
};

const MAX_REASON = 500;

/** A confirmation with a reason: ignore a line, undo a match. */
export function ReasonModal(props: ReasonModalProps): ReactNode {
  const t = useT();
  const [reason, setReason] = useState("");
  const [isTouched, setTouched] = useState(false);
  const trimmed = reason.trim();
  useEffect(() => {
    // Each opening starts from an empty reason.
    if (props.opened) {
      setReason("");
      setTouched(false);
    }
  }, [props.opened]);
  const error =
    isTouched && props.isReasonRequired && trimmed === "" ? t("matching.reasonRequired") : undefined;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setTouched(true);
    if (props.isReasonRequired && trimmed === "") return;
    props.onConfirm(trimmed);
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} data-testid={props.testId}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">{props.text}</Text>
          {props.suggestions && props.suggestions.length > 0 && (
            <Group gap={6}>
              {props.suggestions.map((suggestion) => (
                <Chip
                  key={suggestion}
                  size="xs"
                  checked={trimmed === suggestion}
                  onChange={() => setReason(suggestion)}
                >
                  {suggestion}
                </Chip>
              ))}
            </Group>
          )}
          <Textarea
            label={t(props.isReasonRequired ? "matching.reasonLabel" : "matching.reasonOptional")}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maxLength={MAX_REASON}
            autosize
            minRows={2}
            required={props.isReasonRequired}
            error={error}
            data-autofocus
            data-testid={`${props.testId}-reason`}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={props.onClose}>
              {t("matching.cancel")}
            </Button>
            <Button
              type="submit"
              color={props.color}
              loading={props.isBusy}
              data-testid={`${props.testId}-confirm`}
            >
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
