import {
  Badge,
  Button,
  Card,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconCalendarDollar, IconPlus, IconX } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import type { PromiseToPay } from "../../../domain/workbench/workbench.schemas";
import { DateText } from "../../components/date-text";
import { EmptyTableRow } from "../../components/empty-table-row";
import { Money } from "../../components/money";
import { QueryError } from "../../components/query-error";
import { formatDate, formatPercent } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { PromiseForm } from "./promise-form";
import { PromiseStatusBadge } from "./status-badges";
import { useCancelPromise } from "./use-workbench-mutations";
import { customerPromisesQuery } from "./workbench-api";

const COLUMNS = 7;

function rateColor(rate: number | null): string {
  if (rate === null) return "gray";
  return rate >= 80 ? "green" : rate >= 50 ? "orange" : "red";
}

type PromisesCardProps = { customerId: number; canWrite: boolean };

/** The customer's promises to pay, newest first, with how often it keeps them. */
export function PromisesCard({ customerId, canWrite }: PromisesCardProps): ReactNode {
  const { t, locale } = useI18n();
  const list = useQuery(customerPromisesQuery(customerId));
  const [isFormOpen, setFormOpen] = useState(false);
  const rate = list.data?.keptRate;
  return (
    <Card withBorder radius="md" padding="md" data-testid="promises-card">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Group gap="sm">
            <Group gap={6}>
              <IconCalendarDollar size={18} stroke={1.5} aria-hidden />
              <Title order={3} size="h5">
                {t("workbench.promise.title")}
              </Title>
            </Group>
            {list.data && (
              <Badge variant="outline" color={rateColor(rate ?? null)} radius="sm" data-testid="kept-rate">
                {rate === null || rate === undefined
                  ? t("workbench.promise.keptRateNone")
                  : t("workbench.promise.keptRate", { rate: formatPercent(rate / 100, locale) })}
              </Badge>
            )}
          </Group>
          {canWrite && !isFormOpen && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => setFormOpen(true)}
              data-testid="promise-open"
            >
              {t("workbench.promise.new")}
            </Button>
          )}
        </Group>
        {isFormOpen && <PromiseForm customerId={customerId} onClose={() => setFormOpen(false)} />}
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        {list.isPending && <Skeleton height={80} radius="sm" />}
        {list.data && (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("workbench.promise.col.date")}</Table.Th>
                  <Table.Th ta="right">{t("workbench.promise.col.amount")}</Table.Th>
                  <Table.Th ta="right">{t("workbench.promise.col.paid")}</Table.Th>
                  <Table.Th>{t("workbench.promise.col.invoices")}</Table.Th>
                  <Table.Th>{t("workbench.promise.col.channel")}</Table.Th>
                  <Table.Th>{t("workbench.promise.col.status")}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t("workbench.col.actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.length === 0 && (
                  <EmptyTableRow columns={COLUMNS} title={t("workbench.promise.empty")} />
                )}
                {list.data.items.map((promise) => (
                  <PromiseRow key={promise.id} promise={promise} canWrite={canWrite} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}

function PromiseRow({ promise, canWrite }: { promise: PromiseToPay; canWrite: boolean }): ReactNode {
  const { t, locale } = useI18n();
  const cancel = useCancelPromise();
  // Cancelling cannot be undone: the first click asks, the second one does it.
  const [isConfirming, setConfirming] = useState(false);
  return (
    <Table.Tr data-testid="promise-row" data-status={promise.status}>
      <Table.Td>
        <DateText value={promise.promisedDate} />
        {promise.status === "open" && (
          <Text size="xs" c="dimmed">
            {t("workbench.promise.heldUntil")} <DateText value={promise.deadline} />
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Money amount={promise.amount} currency={promise.currency} />
      </Table.Td>
      <Table.Td ta="right">
        <Money amount={promise.paid} currency={promise.currency} />
      </Table.Td>
      <Table.Td>{promise.invoices.map((invoice) => invoice.number).join(", ")}</Table.Td>
      <Table.Td>
        {promise.channel ? t.optional("workbench.promise.channel.", promise.channel) : t("common.none")}
      </Table.Td>
      <Table.Td>
        <PromiseStatusBadge status={promise.status} />
      </Table.Td>
      <Table.Td ta="right">
        {canWrite && promise.status === "open" && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconX size={12} />}
            color={isConfirming ? "red" : "gray"}
            onClick={() => (isConfirming ? cancel.mutate(promise.id) : setConfirming(true))}
            onBlur={() => setConfirming(false)}
            loading={cancel.isPending}
            aria-label={
              isConfirming
                ? t("workbench.promise.cancelConfirm")
                : t("workbench.promise.cancelLabel", { date: formatDate(promise.promisedDate, locale) })
            }
            data-testid="promise-cancel"
          >
            {isConfirming ? t("workbench.promise.cancelConfirm") : t("workbench.promise.cancel")}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
