import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import type { InvoiceListItem } from "../../../domain/ledger/ledger.schemas";
import type { BankLineDetail, ManualMatchBody } from "../../../domain/matching/matching.schemas";
import { Money } from "../../components/money";
import { useI18n, useT } from "../../i18n/use-i18n";
import {
  defaultAllocation,
  manualMatchTotals,
  type PickedItem,
  shortfall,
  toTypedAmount,
} from "./manual-match";
import { ManualMatchItems } from "./manual-match-items";
import { openItemsQuery } from "./matching-api";
import { type WriteOffChoice, WriteOffFields } from "./write-off-fields";

type CustomerChoice = { id: number; name: string; externalRef: string };

type ManualMatchModalProps = {
  line: BankLineDetail | null;
  opened: boolean;
  /** The company's write-off tolerance, when known (decimal string). */
  tolerance: string | undefined;
  isBusy: boolean;
  onSubmit(body: ManualMatchBody): void;
  onClose(): void;
};

/** The customers this line may belong to: its own, then those of its proposals. */
function initialCustomers(line: BankLineDetail): CustomerChoice[] {
  const seen = new Map<number, CustomerChoice>();
  if (line.customer) seen.set(line.customer.id, line.customer);
  for (const proposal of line.proposals) {
    if (!seen.has(proposal.customer.id)) seen.set(proposal.customer.id, proposal.customer);
  }
  return [...seen.values()];
}

/**
 * A match built by hand: search the open items, tick them, change the amounts to split the line, write
 * off a small difference with a reason, or keep the money as unapplied cash on the customer.
 */
export function ManualMatchModal(props: ManualMatchModalProps): ReactNode {
  const t = useT();
  const { line } = props;
  return (
    <Modal
      opened={props.opened && line !== null}
      onClose={props.onClose}
      title={t("matching.manual.title")}
      size="xl"
      data-testid="manual-match"
    >
      {line && <ManualMatchForm key={line.id} {...props} line={line} />}
    </Modal>
  );
}

function ManualMatchForm(props: ManualMatchModalProps & { line: BankLineDetail }): ReactNode {
  const { t, locale } = useI18n();
  const { line } = props;
  const currency = line.currency;
  const [customers, setCustomers] = useState<CustomerChoice[]>(() => initialCustomers(line));
  const [customerId, setCustomerId] = useState<number | null>(customers[0]?.id ?? null);
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [picked, setPicked] = useState<PickedItem[]>([]);
  const [writeOff, setWriteOff] = useState<WriteOffChoice>({
    isOn: false,
    invoiceId: null,
    reason: "bank_fees",
  });

  const results = useQuery({
    ...openItemsQuery({
      q: q || undefined,
      customerId: q ? undefined : (customerId ?? undefined),
      companyId: line.companyId,
    }),
    enabled: q !== "" || customerId !== null,
  });
  const found = useMemo(
    () => (results.data?.items ?? []).filter((item) => item.currency === currency),
    [results.data, currency],
  );

  useEffect(() => {
    // Customers met in the search become choices too (a third party paying for another, say).
    setCustomers((previous) => {
      const known = new Set(previous.map((customer) => customer.id));
      const added = found.map((item) => item.customer).filter((customer) => !known.has(customer.id));
      if (added.length === 0) return previous;
      return [...previous, ...new Map(added.map((customer) => [customer.id, customer])).values()];
    });
  }, [found]);

  const totals = manualMatchTotals(line.amount, currency, picked);
  const shortfalls = picked
    .map((item) => ({ item, amount: shortfall(item, currency) }))
    .filter((entry): entry is { item: PickedItem; amount: string } => entry.amount !== null);
  const writeOffEntry = writeOff.isOn
    ? (shortfalls.find((entry) => entry.item.invoiceId === writeOff.invoiceId) ?? shortfalls[0])
    : undefined;

  const toggle = (invoiceId: number, item: InvoiceListItem | null, isChecked: boolean): void => {
    if (!isChecked || item === null) {
      setPicked((previous) => previous.filter((entry) => entry.invoiceId !== invoiceId));
      return;
    }
    setCustomerId(item.customer.id);
    setPicked((previous) => [
      ...previous,
      {
        invoiceId: item.id,
        number: item.number,
        customerId: item.customer.id,
        customerName: item.customer.name,
        dueDate: item.dueDate,
        openAmount: item.openAmount,
        amount: toTypedAmount(
          defaultAllocation(
            item.openAmount,
            manualMatchTotals(line.amount, currency, previous).remainder,
            currency,
          ),
          locale,
        ),
      },
    ]);
  };
  const changeAmount = (invoiceId: number, amount: string): void =>
    setPicked((previous) =>
      previous.map((entry) => (entry.invoiceId === invoiceId ? { ...entry, amount } : entry)),
    );
  const changeCustomer = (next: number | null): void => {
    setCustomerId(next);
    // One match settles items of one customer only.
    setPicked((previous) => previous.filter((entry) => entry.customerId === next));
  };

  const canMatch =
    customerId !== null &&
    picked.length > 0 &&
    totals.invalid.size === 0 &&
    totals.exceeding.size === 0 &&
    !totals.isOverAllocated &&
    !totals.isNegative;

  const submit = (): void => {
    if (customerId === null) return;
    props.onSubmit({
      customerId,
      allocations: picked.map((entry) => ({
        invoiceId: entry.invoiceId,
        amount: normalize(entry.amount),
      })),
      writeOff: writeOffEntry
        ? { invoiceId: writeOffEntry.item.invoiceId, amount: writeOffEntry.amount, reason: writeOff.reason }
        : null,
    });
  };
  const keepUnapplied = (): void => {
    if (customerId !== null) props.onSubmit({ customerId, allocations: [], writeOff: null });
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">
          {t("matching.manual.lineAmount")} <Money amount={line.amount} currency={currency} fw={700} />
        </Text>
        <Text size="sm" c="dimmed">
          {line.counterpartyName ?? t("matching.line.unknownPayer")}
        </Text>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t("matching.manual.customer")}
          placeholder={t("matching.manual.customerPlaceholder")}
          data={customers.map((customer) => ({
            value: String(customer.id),
            label: `${customer.name} (${customer.externalRef})`,
          }))}
          value={customerId === null ? null : String(customerId)}
          onChange={(next) => changeCustomer(next ? Number(next) : null)}
          searchable
          clearable
          nothingFoundMessage={t("matching.manual.customerNone")}
          style={{ flex: "1 1 240px" }}
          data-testid="manual-customer"
        />
        <TextInput
          label={t("matching.manual.search")}
          placeholder={t("matching.manual.searchPlaceholder")}
          leftSection={<IconSearch size={16} stroke={1.5} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          data-autofocus
          style={{ flex: "1 1 240px" }}
          data-testid="manual-search"
        />
      </Group>
      <ManualMatchItems
        found={found}
        picked={picked}
        customerId={customerId}
        currency={currency}
        totals={totals}
        isLoading={results.isFetching && !results.data}
        hasQuery={q !== "" || customerId !== null}
        onToggle={toggle}
        onAmount={changeAmount}
      />
      <Group justify="space-between" wrap="wrap" data-testid="manual-totals">
        <Text size="sm">
          {t("matching.manual.allocated")} <Money amount={totals.allocated} currency={currency} fw={600} />
        </Text>
        <Text size="sm" c={totals.isOverAllocated ? "red.7" : undefined} aria-live="polite">
          {t("matching.manual.remainder")}{" "}
          <Money amount={totals.remainder} currency={currency} fw={700} data-testid="manual-remainder" />
        </Text>
      </Group>
      {totals.isOverAllocated && (
        <Alert color="red" variant="light">
          {t("matching.manual.overAllocated")}
        </Alert>
      )}
      {totals.isNegative && (
        <Alert color="red" variant="light">
          {t("matching.manual.negative")}
        </Alert>
      )}
      {totals.exceeding.size > 0 && (
        <Alert color="red" variant="light">
          {t("matching.manual.exceeding")}
        </Alert>
      )}
      {!totals.isOverAllocated &&
        !totals.isNegative &&
        picked.length > 0 &&
        /[1-9]/.test(totals.remainder) && (
          <Text size="sm" c="dimmed">
            {t("matching.manual.remainderUnapplied")}
          </Text>
        )}
      {shortfalls.length > 0 && (
        <WriteOffFields
          choice={writeOff}
          options={shortfalls.map((entry) => ({
            invoiceId: entry.item.invoiceId,
            number: entry.item.number,
            amount: entry.amount,
          }))}
          currency={currency}
          tolerance={props.tolerance}
          onChange={setWriteOff}
        />
      )}
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Button
          variant="default"
          onClick={keepUnapplied}
          disabled={customerId === null || picked.length > 0}
          loading={props.isBusy}
          title={t("matching.manual.unappliedHint")}
          data-testid="manual-unapplied"
        >
          {t("matching.manual.keepUnapplied")}
        </Button>
        <Group gap="xs">
          <Button variant="default" onClick={props.onClose}>
            {t("matching.cancel")}
          </Button>
          <Button onClick={submit} disabled={!canMatch} loading={props.isBusy} data-testid="manual-submit">
            {t("matching.manual.submit")}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** "1 234,5" → "1234.5": the API reads decimal strings with a point. */
function normalize(typed: string): string {
  return typed.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
}
