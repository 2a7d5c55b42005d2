import { Alert, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import type { Message, SettleMessageInput } from "../../../domain/communications/communications.schemas";
import { isApiError } from "../../api/api-error";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { settleMessage } from "./communications-api";

const OUTCOMES = ["requeue", "sent", "cancel"] as const;

/**
 * An interrupted delivery (still `sending` an hour after its claim): what happened, and for credit managers the
 * three ways to settle it once they have looked at the mail server's log.
 */
export function InterruptedDelivery({
  message,
  canSettle,
  onSettled,
}: {
  message: Message;
  canSettle: boolean;
  onSettled(message: Message): void;
}): ReactNode {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const settle = useMutation({
    mutationFn: (outcome: SettleMessageInput["outcome"]) =>
      settleMessage(message.id, { outcome, note: note.trim() || undefined }),
    onSuccess: (settled, outcome) => {
      notifications.show({ color: "green", message: t(`messages.interrupted.done.${outcome}`) });
      void queryClient.invalidateQueries({ queryKey: ["messages"] });
      onSettled(settled);
    },
  });
  const claimed = message.claimedAt ? formatDateTime(message.claimedAt, locale) : "—";
  return (
    <Alert color="orange" title={t("messages.interrupted.title")} data-testid="interrupted-delivery">
      <Stack gap="sm">
        <Text size="sm">{t("messages.interrupted.hint", { claimed, id: message.id })}</Text>
        {canSettle && (
          <>
            <TextInput
              label={t("messages.interrupted.note")}
              value={note}
              maxLength={500}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
            <Group gap="xs">
              {OUTCOMES.map((outcome) => (
                <Button
                  key={outcome}
                  size="xs"
                  variant={outcome === "cancel" ? "outline" : "filled"}
                  color={outcome === "cancel" ? "red" : undefined}
                  loading={settle.isPending && settle.variables === outcome}
                  disabled={settle.isPending}
                  onClick={() => settle.mutate(outcome)}
                >
                  {t(`messages.interrupted.${outcome}`)}
                </Button>
              ))}
            </Group>
            {settle.isError && (
              <Text size="sm" c="red.8" role="alert">
                {isApiError(settle.error) ? settle.error.message : t("error.generic")}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Alert>
  );
}
