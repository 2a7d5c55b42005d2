import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { RATE_SERIES, type RateSeries, type ReferenceRate } from "../../../domain/legal/legal.schemas";
import { isApiError } from "../../api/api-error";
import { DateText } from "../../components/date-text";
import { EmptyTableRow } from "../../components/empty-table-row";
import { QueryError } from "../../components/query-error";
import { useI18n, useT } from "../../i18n/use-i18n";
import { hasRole } from "../auth/roles";
import { useMe } from "../auth/use-me";
import { ImportRatesButton } from "./import-rates-button";
import { RATE_ADMIN_ROLES, referenceRatesQuery, useRateChange } from "./legal-api";
import { RateFormModal } from "./rate-form-modal";

const COLUMNS = 6;

/** "3.15" → "3,15" (fr) with two to four decimals, read from the string (no float). */
function formatRate(ratePercent: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 4 });
  return format.format(ratePercent as `${number}`);
}

function RateRow({ rate, canEdit, onEdit }: { rate: ReferenceRate; canEdit: boolean; onEdit(): void }) {
  const { t, locale } = useI18n();
  const change = useRateChange();
  const remove = () => {
    if (!window.confirm(t("legal.rates.deleteConfirm", { series: rate.series, date: rate.effectiveFrom })))
      return;
    change.mutate(
      { kind: "delete", id: rate.id },
      {
        onSuccess: () => notifications.show({ color: "green", message: t("legal.rates.deleted") }),
        onError: (error) =>
          notifications.show({
            color: "red",
            message: isApiError(error) ? error.message : t("error.generic"),
          }),
      },
    );
  };
  return (
    <Table.Tr data-testid="rate-row" data-series={rate.series}>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {rate.series}
        </Text>
      </Table.Td>
      <Table.Td>
        <DateText value={rate.effectiveFrom} />
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
        {`${formatRate(rate.ratePercent, locale)} %`}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {rate.isProvisional && (
            <Badge color="orange" variant="light" radius="sm">
              {t("legal.rates.provisional")}
            </Badge>
          )}
          <Badge color={rate.source === "admin" ? "blue" : "gray"} variant="light" radius="sm">
            {t(`legal.rates.source.${rate.source}`)}
          </Badge>
        </Group>
      </Table.Td>
      <Table.Td maw={360}>
        <Text size="sm" c="dimmed" truncate="end" title={rate.note ?? undefined}>
          {rate.note ?? ""}
        </Text>
      </Table.Td>
      <Table.Td>
        {canEdit && (
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t("legal.rates.edit")}>
              <ActionIcon variant="subtle" onClick={onEdit} aria-label={t("legal.rates.edit")}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t("legal.rates.delete")}>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={remove}
                loading={change.isPending}
                aria-label={t("legal.rates.delete")}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function RatesTable({
  rates,
  canEdit,
  onEdit,
}: {
  rates: ReferenceRate[];
  canEdit: boolean;
  onEdit(rate: ReferenceRate): void;
}) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" striped fz="sm" data-testid="rates-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("legal.rates.col.series")}</Table.Th>
            <Table.Th>{t("legal.rates.col.effectiveFrom")}</Table.Th>
            <Table.Th ta="right">{t("legal.rates.col.rate")}</Table.Th>
            <Table.Th>{t("legal.rates.col.status")}</Table.Th>
            <Table.Th>{t("legal.rates.col.note")}</Table.Th>
            <Table.Th w={80} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rates.length === 0 && <EmptyTableRow columns={COLUMNS} title={t("legal.rates.empty")} />}
          {rates.map((rate) => (
            <RateRow key={rate.id} rate={rate} canEdit={canEdit} onEdit={() => onEdit(rate)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** `/settings/reference-rates`: the rates the late-interest engine reads; administrators keep them current. */
export function ReferenceRatesPage(): ReactNode {
  const t = useT();
  useDocumentTitle(`${t("legal.rates.title")} · Encours`);
  const canEdit = hasRole(useMe(), RATE_ADMIN_ROLES);
  const [series, setSeries] = useState<RateSeries | null>(null);
  // undefined: no form; null: a new rate; a rate: correcting it.
  const [editing, setEditing] = useState<ReferenceRate | null | undefined>(undefined);
  const rates = useQuery(referenceRatesQuery(series));
  return (
    <Stack gap="lg" data-testid="reference-rates-page">
      <Stack gap={4} maw={760}>
        <Title order={1} size="h2">
          {t("legal.rates.title")}
        </Title>
        <Text c="dimmed" size="sm">
          {t("legal.rates.subtitle")}
        </Text>
      </Stack>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Select
          label={t("legal.rates.col.series")}
          placeholder={t("legal.rates.allSeries")}
          data={RATE_SERIES.map((value) => ({ value, label: t(`legal.series.${value}`) }))}
          value={series}
          onChange={(value) => setSeries(value as RateSeries | null)}
          clearable
          w={{ base: "100%", xs: 340 }}
          data-testid="rates-series"
        />
        {canEdit && (
          <Group gap="sm">
            <ImportRatesButton />
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setEditing(null)}
              data-testid="rate-add"
            >
              {t("legal.rates.add")}
            </Button>
          </Group>
        )}
      </Group>
      {rates.isError && <QueryError error={rates.error} onRetry={() => void rates.refetch()} />}
      {rates.isPending && <Skeleton height={320} radius="md" />}
      {rates.data && (
        <Card withBorder radius="md" padding={0}>
          <RatesTable rates={rates.data.items} canEdit={canEdit} onEdit={setEditing} />
        </Card>
      )}
      {editing !== undefined && <RateFormModal rate={editing} onClose={() => setEditing(undefined)} />}
    </Stack>
  );
}
