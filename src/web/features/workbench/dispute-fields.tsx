import { Group, MultiSelect, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { formatMoney } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { customerQuery } from "../customers/customers-api";
import { browserToday } from "../dunning/browser-today";
import { DateField } from "../dunning/date-field";
import { DepartmentSelect } from "./department-select";
import { useDisputeReasons } from "./dispute-reasons-api";
import type { DisputeDraft, DraftErrors } from "./drafts";
import { OwnerSelect } from "./owner-select";
import { useOpenInvoices } from "./use-open-invoices";
import { issueOf } from "./use-workbench-mutations";

type DisputeFieldsProps = {
  customerId: number;
  draft: DisputeDraft;
  onChange(draft: DisputeDraft): void;
  errors: DraftErrors;
  apiError: unknown;
  prefix?: string;
};

/**
 * The open invoices disputed (each whole or for part of its amount), the reason, owner, department, deadline
 * and note.
 */
export function DisputeFields(props: DisputeFieldsProps): ReactNode {
  const { t, language, locale } = useI18n();
  const { draft, onChange, errors } = props;
  const { invoices, options, isLoading } = useOpenInvoices(props.customerId);
  const apiIssue = (field: string) => issueOf(props.apiError, `${props.prefix ?? ""}${field}`);
  // The reasons are the customer's company's catalogue: its active ones, in the administrator's order.
  const companyId = useQuery(customerQuery(props.customerId)).data?.company.id;
  const reasons = useDisputeReasons(companyId, language);
  const reasonOptions = reasons.items
    .filter((reason) => reason.isActive)
    .map((reason) => ({ value: reason.code, label: reasons.labelOf(reason.code) }));

  return (
    <Stack gap="sm" data-testid="dispute-fields">
      <MultiSelect
        label={t("workbench.dispute.invoices")}
        placeholder={options.length === 0 && !isLoading ? t("workbench.noOpenInvoice") : undefined}
        data={options}
        value={draft.invoiceIds}
        onChange={(invoiceIds) => onChange({ ...draft, invoiceIds })}
        searchable
        required
        disabled={isLoading}
        error={errors.invoices ?? apiIssue("invoices")}
        data-testid="dispute-invoices"
      />
      {draft.invoiceIds.map((id, index) => {
        const invoice = invoices.find((item) => String(item.id) === id);
        if (!invoice) return null;
        const field = `invoices.${index}.amount`;
        return (
          <Group key={id} gap="sm" align="center" wrap="nowrap" pl="sm">
            <Text size="sm" style={{ flex: "1 1 auto" }}>
              {t("workbench.dispute.amountOf", {
                number: invoice.number,
                open: formatMoney(invoice.openAmount, invoice.currency, locale),
              })}
            </Text>
            <TextInput
              aria-label={t("workbench.dispute.amountLabel", { number: invoice.number })}
              placeholder={t("workbench.dispute.wholeAmount")}
              value={draft.amounts[id] ?? ""}
              onChange={(event) =>
                onChange({ ...draft, amounts: { ...draft.amounts, [id]: event.currentTarget.value } })
              }
              inputMode="decimal"
              autoComplete="off"
              w={160}
              error={errors[field] ?? apiIssue(field)}
              data-testid="dispute-amount"
            />
          </Group>
        );
      })}
      <Group gap="sm" align="flex-start" wrap="wrap">
        <Select
          label={t("workbench.dispute.reason")}
          data={reasonOptions}
          value={draft.reason}
          onChange={(reason) => onChange({ ...draft, reason })}
          disabled={reasons.isLoading}
          required
          w={{ base: "100%", xs: 280 }}
          error={errors.reason ?? apiIssue("reason")}
          data-testid="dispute-reason"
        />
        <OwnerSelect
          label={t("workbench.dispute.owner")}
          placeholder={t("workbench.dispute.noOwner")}
          value={draft.ownerId}
          onChange={(ownerId) => onChange({ ...draft, ownerId })}
          isClearable
          error={apiIssue("ownerId")}
          data-testid="dispute-owner"
        />
        <DepartmentSelect
          companyId={companyId}
          label={t("workbench.dispute.department")}
          placeholder={t("workbench.dispute.noDepartment")}
          value={draft.departmentId}
          onChange={(departmentId) => onChange({ ...draft, departmentId })}
          error={apiIssue("departmentId")}
          data-testid="dispute-department"
        />
        <DateField
          label={t("workbench.dispute.deadline")}
          value={draft.deadline}
          onChange={(deadline) => onChange({ ...draft, deadline })}
          minDate={browserToday()}
          isClearable
          error={apiIssue("deadline")}
          data-testid="dispute-deadline"
        />
      </Group>
      <Textarea
        label={t("workbench.dispute.note")}
        value={draft.note}
        onChange={(event) => onChange({ ...draft, note: event.currentTarget.value })}
        maxLength={2000}
        autosize
        minRows={1}
        error={apiIssue("note")}
        data-testid="dispute-note"
      />
    </Stack>
  );
}
