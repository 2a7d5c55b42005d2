import { Group, MultiSelect, Select, Stack, Textarea, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { PROMISE_CHANNELS, type PromiseChannel } from "../../../domain/workbench/workbench.schemas";
import { useI18n } from "../../i18n/use-i18n";
import { browserToday } from "../dunning/browser-today";
import { DateField } from "../dunning/date-field";
import { type DraftErrors, type PromiseDraft, sumOpen } from "./drafts";
import { useOpenInvoices } from "./use-open-invoices";
import { issueOf } from "./use-workbench-mutations";

type PromiseFieldsProps = {
  customerId: number;
  draft: PromiseDraft;
  onChange(draft: PromiseDraft): void;
  errors: DraftErrors;
  /** The last answer of the API, whose issues name fields under `prefix`. */
  apiError: unknown;
  prefix?: string;
};

/** Invoices, amount (filled in with their open total), promised date, channel and note of a promise to pay. */
export function PromiseFields(props: PromiseFieldsProps): ReactNode {
  const { t, language } = useI18n();
  const { draft, onChange, errors } = props;
  const { invoices, options, isLoading } = useOpenInvoices(props.customerId);
  const apiIssue = (field: string) => issueOf(props.apiError, `${props.prefix ?? ""}${field}`);
  const currency = invoices.find((invoice) => draft.invoiceIds.includes(String(invoice.id)))?.currency;

  const chooseInvoices = (invoiceIds: string[]): void => {
    const total = sumOpen(invoices, invoiceIds);
    const amount = draft.isAmountTyped ? draft.amount : language === "fr" ? total.replace(".", ",") : total;
    onChange({ ...draft, invoiceIds, amount });
  };

  return (
    <Stack gap="sm" data-testid="promise-fields">
      <MultiSelect
        label={t("workbench.promise.invoices")}
        placeholder={options.length === 0 && !isLoading ? t("workbench.noOpenInvoice") : undefined}
        data={options}
        value={draft.invoiceIds}
        onChange={chooseInvoices}
        searchable
        required
        disabled={isLoading}
        error={errors.invoiceIds ?? apiIssue("invoiceIds")}
        data-testid="promise-invoices"
      />
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput
          label={t("workbench.promise.amount")}
          description={currency ? t("workbench.amountIn", { currency }) : undefined}
          value={draft.amount}
          onChange={(event) => onChange({ ...draft, amount: event.currentTarget.value, isAmountTyped: true })}
          inputMode="decimal"
          autoComplete="off"
          required
          w={{ base: "100%", xs: 180 }}
          error={errors.amount ?? apiIssue("amount")}
          data-testid="promise-amount"
        />
        <DateField
          label={t("workbench.promise.date")}
          value={draft.promisedDate}
          onChange={(promisedDate) => onChange({ ...draft, promisedDate })}
          minDate={browserToday()}
          error={errors.promisedDate ?? apiIssue("promisedDate")}
          data-testid="promise-date"
        />
        <Select
          label={t("workbench.promise.channel")}
          data={PROMISE_CHANNELS.map((value) => ({ value, label: t(`workbench.promise.channel.${value}`) }))}
          value={draft.channel}
          onChange={(channel) => onChange({ ...draft, channel: (channel ?? "phone") as PromiseChannel })}
          allowDeselect={false}
          w={{ base: "100%", xs: 180 }}
          data-testid="promise-channel"
        />
      </Group>
      <Textarea
        label={t("workbench.promise.note")}
        value={draft.note}
        onChange={(event) => onChange({ ...draft, note: event.currentTarget.value })}
        maxLength={2000}
        autosize
        minRows={1}
        error={apiIssue("note")}
        data-testid="promise-note"
      />
    </Stack>
  );
}
