import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import type { AgendaItem } from "../../../domain/workbench/agenda.schemas";
import { addDays, type IsoDate, isIsoDate } from "../../../shared/dates";
import { isApiError } from "../../api/api-error";
import { useI18n } from "../../i18n/use-i18n";
import { AGENDA_QUERY_KEY, agendaApi } from "./agenda-api";
import { describeAgendaItem } from "./describe-agenda-item";

type SnoozeModalProps = { item: AgendaItem | null; today: string; onClose(): void };

/** Puts an agenda item aside until a later day, with the reason the customer's timeline will show. */
export function SnoozeModal({ item, today, onClose }: SnoozeModalProps): ReactNode {
  const { t } = useI18n();
  return (
    <Modal
      opened={item !== null}
      onClose={onClose}
      title={t("agenda.snooze.title")}
      centered
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {item && <SnoozeForm key={item.key} item={item} today={today} onDone={onClose} />}
    </Modal>
  );
}

function SnoozeForm({ item, today, onDone }: { item: AgendaItem; today: string; onDone(): void }): ReactNode {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const tomorrow = isIsoDate(today) ? addDays(today as IsoDate, 1) : today;
  const [until, setUntil] = useState<string>(isIsoDate(today) ? addDays(today as IsoDate, 7) : today);
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const snooze = useMutation({
    mutationFn: () =>
      agendaApi.snooze({ customerId: item.customer.id, key: item.key, until, reason: reason.trim() }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: AGENDA_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: ["customers"] });
      notifications.show({ color: "green", message: t("agenda.snooze.saved") });
      onDone();
    },
    onError: (error) =>
      notifications.show({
        color: "red",
        title: t("agenda.failed"),
        message: isApiError(error) ? error.message : t("error.generic"),
      }),
  });
  const reasonError = tried && reason.trim() === "" ? t("workbench.required") : undefined;
  const untilError = tried && !(isIsoDate(until) && until > today) ? t("workbench.required") : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (reason.trim() === "" || !isIsoDate(until) || until <= today) return;
    snooze.mutate();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="snooze-form">
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {item.customer.name} · {describeAgendaItem(item, t, locale)}
        </Text>
        <Text size="xs" c="dimmed">
          {t("agenda.snooze.help")}
        </Text>
        <TextInput
          type="date"
          label={t("agenda.snooze.until")}
          value={until}
          min={tomorrow}
          onChange={(event) => setUntil(event.currentTarget.value)}
          error={untilError}
          required
          data-testid="snooze-until"
        />
        <Textarea
          label={t("agenda.snooze.reason")}
          placeholder={t("agenda.snooze.reasonPlaceholder")}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={reasonError}
          required
          autosize
          minRows={2}
          maxLength={500}
          data-autofocus
          data-testid="snooze-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("workbench.cancel")}
          </Button>
          <Button type="submit" loading={snooze.isPending} data-testid="snooze-save">
            {t("agenda.snooze.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
