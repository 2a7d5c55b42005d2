import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../../i18n/use-i18n";

type ConfirmModalProps = {
  title: string;
  message: string;
  confirmLabel: string;
  isPending: boolean;
  /** Red for what destroys, the primary colour otherwise. */
  color?: string;
  onConfirm(): void;
  onClose(): void;
  "data-testid"?: string;
};

/** "Are you sure?" before something that cannot be undone; the safe choice has the focus. */
export function ConfirmModal(props: ConfirmModalProps): ReactNode {
  const t = useT();
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.title}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack gap="md" data-testid={props["data-testid"]}>
        <Text size="sm">{props.message}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose} disabled={props.isPending} data-autofocus>
            {t("scenarios.cancel")}
          </Button>
          <Button
            color={props.color ?? "red"}
            onClick={props.onConfirm}
            loading={props.isPending}
            data-testid="confirm-button"
          >
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
