import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { PRIORITY_FACTORS, type PriorityWeights } from "../../../domain/workbench/agenda.schemas";
import { isApiError } from "../../api/api-error";
import { useT } from "../../i18n/use-i18n";
import { CompanySelect } from "../dunning/company-select";
import { AGENDA_QUERY_KEY, agendaApi, prioritySettingsQuery } from "./agenda-api";

/** The credit manager's panel: the weight of each factor of the priority score, per company. */
export function WeightsModal({ opened, onClose }: { opened: boolean; onClose(): void }): ReactNode {
  const t = useT();
  const [companyId, setCompanyId] = useState<number | undefined>(undefined);
  const settings = useQuery({ ...prioritySettingsQuery(companyId), enabled: opened });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("agenda.weights.title")}
      centered
      closeButtonProps={{ "aria-label": t("common.close") }}
      size="lg"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("agenda.weights.help")}
        </Text>
        <CompanySelect value={companyId} onChange={setCompanyId} />
        {settings.data && (
          <WeightsForm
            key={`${settings.data.companyId}-${settings.dataUpdatedAt}`}
            companyId={settings.data.companyId}
            initial={settings.data.weights}
            onDone={onClose}
          />
        )}
      </Stack>
    </Modal>
  );
}

function WeightsForm(props: { companyId: number; initial: PriorityWeights; onDone(): void }): ReactNode {
  const t = useT();
  const queryClient = useQueryClient();
  const [weights, setWeights] = useState<PriorityWeights>(props.initial);
  const save = useMutation({
    mutationFn: () => agendaApi.saveWeights({ companyId: props.companyId, weights }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: AGENDA_QUERY_KEY });
      notifications.show({ color: "green", message: t("agenda.weights.saved") });
      props.onDone();
    },
    onError: (error) =>
      notifications.show({
        color: "red",
        title: t("agenda.failed"),
        message: isApiError(error) ? error.message : t("error.generic"),
      }),
  });
  const sum = PRIORITY_FACTORS.reduce((total, factor) => total + weights[factor], 0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} data-testid="weights-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {PRIORITY_FACTORS.map((factor) => (
            <NumberInput
              key={factor}
              label={t(`agenda.factor.${factor}`)}
              value={weights[factor]}
              onChange={(value) =>
                setWeights((current) => ({ ...current, [factor]: typeof value === "number" ? value : 0 }))
              }
              min={0}
              max={100}
              clampBehavior="strict"
              allowDecimal={false}
              allowNegative={false}
              suffix=" %"
              data-testid={`weight-${factor}`}
            />
          ))}
        </SimpleGrid>
        <Text size="sm" c={sum === 100 ? "dimmed" : "orange"}>
          {t("agenda.weights.sum", { sum })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            {t("workbench.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="weights-save">
            {t("agenda.weights.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
