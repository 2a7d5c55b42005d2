import { Button, Group, Modal, Select, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { isApiError } from "../../api/api-error";
import { useT } from "../../i18n/use-i18n";
import { AGENDA_QUERY_KEY, agendaApi, collectorsQuery } from "./agenda-api";

type ReassignModalProps = { customerIds: number[]; opened: boolean; onClose(): void; onDone(): void };

/** A credit manager gives the selected customers to another collector. */
export function ReassignModal({ customerIds, opened, onClose, onDone }: ReassignModalProps): ReactNode {
  const t = useT();
  const queryClient = useQueryClient();
  const collectors = useQuery({ ...collectorsQuery, enabled: opened });
  const [collectorId, setCollectorId] = useState<string | null>(null);
  const reassign = useMutation({
    mutationFn: () => agendaApi.reassign({ customerIds, collectorId: Number(collectorId) }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: AGENDA_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: ["customers"] });
      notifications.show({ color: "green", message: t.plural("agenda.reassign.done", result.reassigned) });
      onDone();
    },
    onError: (error) =>
      notifications.show({
        color: "red",
        title: t("agenda.failed"),
        message: isApiError(error) ? error.message : t("error.generic"),
      }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (collectorId) reassign.mutate();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("agenda.reassign.title")}
      centered
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} data-testid="reassign-form">
        <Stack gap="sm">
          <Text size="sm" fw={500}>
            {t.plural("agenda.selectedCustomers", customerIds.length)}
          </Text>
          <Text size="xs" c="dimmed">
            {t("agenda.reassign.help")}
          </Text>
          <Select
            label={t("agenda.reassign.to")}
            data={(collectors.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
            value={collectorId}
            onChange={setCollectorId}
            searchable
            required
            data-autofocus
            data-testid="reassign-collector"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("workbench.cancel")}
            </Button>
            <Button
              type="submit"
              disabled={!collectorId}
              loading={reassign.isPending}
              data-testid="reassign-save"
            >
              {t("agenda.reassign.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
