import { ActionIcon, Badge, Button, Group, Switch, Table, Text, TextInput, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowDown, IconArrowUp, IconTrash } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import type { DisputeReasonEntry } from "../../../domain/workbench/dispute-reasons.schemas";
import { isApiError } from "../../api/api-error";
import { useT } from "../../i18n/use-i18n";
import { disputeReasonsApi, type useDisputeReasonChange } from "./dispute-reasons-api";
import { issueOf } from "./use-workbench-mutations";

type RowProps = {
  reason: DisputeReasonEntry;
  /** Codes of the catalogue in their order, to move this one up or down. */
  order: string[];
  change: ReturnType<typeof useDisputeReasonChange>;
};

function moved(order: string[], code: string, by: -1 | 1): string[] {
  const next = [...order];
  const index = next.indexOf(code);
  const other = next[index + by];
  if (index < 0 || other === undefined) return next;
  next[index + by] = code;
  next[index] = other;
  return next;
}

/** One reason of the catalogue: its place, labels (saved together), active switch, and delete while unused. */
export function DisputeReasonRow({ reason, order, change }: RowProps): ReactNode {
  const t = useT();
  const [labelFr, setLabelFr] = useState(reason.labelFr);
  const [labelEn, setLabelEn] = useState(reason.labelEn);
  const [error, setError] = useState<unknown>(null);
  const { code } = reason;
  const isDirty = labelFr !== reason.labelFr || labelEn !== reason.labelEn;
  const index = order.indexOf(code);

  const run = (fn: (companyId: number) => Promise<unknown>, onDone?: () => void) => {
    setError(null);
    change.mutate(fn as never, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("disputeReasons.saved") });
        onDone?.();
      },
      onError: (failure) => {
        setError(failure);
        notifications.show({
          color: "red",
          message: isApiError(failure) ? failure.message : t("error.generic"),
        });
      },
    });
  };
  const reorder = (by: -1 | 1) =>
    run((companyId) => disputeReasonsApi.reorder(companyId, moved(order, code, by)));
  const remove = () => {
    if (!window.confirm(t("disputeReasons.deleteConfirm", { code }))) return;
    run((companyId) => disputeReasonsApi.remove(companyId, code));
  };

  return (
    <Table.Tr data-testid="dispute-reason-row" data-code={code}>
      <Table.Td>
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            aria-label={t("disputeReasons.moveUp", { code })}
            disabled={index <= 0 || change.isPending}
            onClick={() => reorder(-1)}
            data-testid="dispute-reason-up"
          >
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            aria-label={t("disputeReasons.moveDown", { code })}
            disabled={index >= order.length - 1 || change.isPending}
            onClick={() => reorder(1)}
            data-testid="dispute-reason-down"
          >
            <IconArrowDown size={16} />
          </ActionIcon>
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {code}
        </Text>
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t("disputeReasons.labelFrOf", { code })}
          value={labelFr}
          onChange={(event) => setLabelFr(event.currentTarget.value)}
          error={issueOf(error, "labelFr")}
          maxLength={120}
          size="xs"
          data-testid="dispute-reason-label-fr"
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t("disputeReasons.labelEnOf", { code })}
          value={labelEn}
          onChange={(event) => setLabelEn(event.currentTarget.value)}
          error={issueOf(error, "labelEn")}
          maxLength={120}
          size="xs"
          data-testid="dispute-reason-label-en"
        />
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={t("disputeReasons.activeOf", { code })}
          checked={reason.isActive}
          disabled={change.isPending}
          onChange={(event) => {
            const isActive = event.currentTarget.checked;
            run((companyId) => disputeReasonsApi.update(companyId, code, { isActive }));
          }}
          data-testid="dispute-reason-active"
        />
      </Table.Td>
      <Table.Td ta="right">
        <Badge variant="light" color={reason.disputeCount > 0 ? "blue" : "gray"} radius="sm">
          {reason.disputeCount}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Button
            size="xs"
            variant="light"
            disabled={!isDirty}
            loading={change.isPending && isDirty}
            onClick={() =>
              run((companyId) => disputeReasonsApi.update(companyId, code, { labelFr, labelEn }))
            }
            aria-label={t("disputeReasons.save", { code })}
            data-testid="dispute-reason-save"
          >
            {t("disputeReasons.saveLabel")}
          </Button>
          <Tooltip
            label={reason.disputeCount > 0 ? t("disputeReasons.inUse") : t("disputeReasons.delete", { code })}
          >
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t("disputeReasons.delete", { code })}
              disabled={reason.disputeCount > 0 || change.isPending}
              onClick={remove}
              data-testid="dispute-reason-delete"
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
