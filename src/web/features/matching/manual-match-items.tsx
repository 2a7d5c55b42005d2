import { Checkbox, Paper, Table, Text, TextInput, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";
import type { InvoiceListItem } from "../../../domain/ledger/ledger.schemas";
import { Money } from "../../components/money";
import { formatDate } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import type { ManualMatchTotals, PickedItem } from "./manual-match";

type ManualMatchItemsProps = {
  found: readonly InvoiceListItem[];
  picked: readonly PickedItem[];
  customerId: number | null;
  currency: string;
  totals: ManualMatchTotals;
  isLoading: boolean;
  hasQuery: boolean;
  onToggle(invoiceId: number, item: InvoiceListItem | null, isChecked: boolean): void;
  onAmount(invoiceId: number, amount: string): void;
};

/**
 * The open items found, ticked ones first (they stay even when the search changes); a ticked item's
 * amount can be changed to split the line. Items of another customer than the one chosen are locked.
 */
export function ManualMatchItems(props: ManualMatchItemsProps): ReactNode {
  const { t, locale } = useI18n();
  const pickedIds = new Set(props.picked.map((entry) => entry.invoiceId));
  const byId = new Map(props.found.map((item) => [item.id, item]));
  const rows = [
    ...props.picked.map((entry) => ({ entry, item: byId.get(entry.invoiceId) ?? null })),
    ...props.found.filter((item) => !pickedIds.has(item.id)).map((item) => ({ entry: null, item })),
  ];

  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="manual-items-empty">
        {props.isLoading
          ? t("app.loading")
          : t(props.hasQuery ? "matching.manual.noItems" : "matching.manual.searchFirst")}
      </Text>
    );
  }
  return (
    <Paper withBorder radius="sm" mah={340} style={{ overflow: "auto" }}>
      <Table verticalSpacing={4} fz="sm" stickyHeader data-testid="manual-items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <VisuallyHidden>{t("matching.manual.pick")}</VisuallyHidden>
            </Table.Th>
            <Table.Th>{t("matching.item.number")}</Table.Th>
            <Table.Th>{t("matching.item.customer")}</Table.Th>
            <Table.Th>{t("matching.item.dueDate")}</Table.Th>
            <Table.Th ta="right">{t("matching.item.open")}</Table.Th>
            <Table.Th ta="right" w={150}>
              {t("matching.item.allocated")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ entry, item }) => {
            const id = entry?.invoiceId ?? item?.id ?? 0;
            const number = entry?.number ?? item?.number ?? "";
            const openAmount = entry?.openAmount ?? item?.openAmount ?? "0";
            const isLocked =
              entry === null &&
              props.customerId !== null &&
              item !== null &&
              item.customer.id !== props.customerId &&
              props.picked.length > 0;
            const hasError = props.totals.invalid.has(id) || props.totals.exceeding.has(id);
            return (
              <Table.Tr
                key={id}
                data-testid="manual-item"
                data-number={number}
                data-picked={entry !== null || undefined}
              >
                <Table.Td>
                  <Checkbox
                    checked={entry !== null}
                    disabled={isLocked}
                    onChange={(event) => props.onToggle(id, item, event.currentTarget.checked)}
                    aria-label={t("matching.manual.pickItem", { number })}
                    title={isLocked ? t("matching.manual.otherCustomer") : undefined}
                    data-testid="manual-item-check"
                  />
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {number}
                  {item?.type === "credit_note" && (
                    <Text component="span" size="xs" c="dimmed" ml={6}>
                      {t("matching.item.creditNote")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" truncate="end" maw={200}>
                    {entry?.customerName ?? item?.customer.name ?? ""}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDate(entry?.dueDate ?? item?.dueDate ?? "", locale)}</Table.Td>
                <Table.Td ta="right">
                  <Money amount={openAmount} currency={props.currency} />
                </Table.Td>
                <Table.Td ta="right">
                  {entry && (
                    <TextInput
                      size="xs"
                      value={entry.amount}
                      onChange={(event) => props.onAmount(id, event.currentTarget.value)}
                      inputMode="decimal"
                      aria-label={t("matching.manual.amountFor", { number })}
                      error={hasError}
                      styles={{ input: { textAlign: "right", fontVariantNumeric: "tabular-nums" } }}
                      data-testid="manual-item-amount"
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
