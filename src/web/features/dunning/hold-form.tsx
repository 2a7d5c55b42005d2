import { Button, Group, MultiSelect, Paper, SegmentedControl, Stack, Text, Textarea } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { addDays } from "../../../shared/dates";
import { isApiError } from "../../api/api-error";
import { formatDate, formatMoney } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { customerItemsQuery } from "../customers/customers-api";
import { browserToday } from "./browser-today";
import { DateField } from "./date-field";
import { useHold } from "./use-customer-dunning";

type Scope = "customer" | "invoices";
type FormErrors = { invoices?: string; reason?: string; untilDate?: string };

/** Suspends the dunning of the whole customer or of chosen open invoices, with a reason and an optional end. */
export function HoldForm({ customerId, onClose }: { customerId: number; onClose(): void }): ReactNode {
  const { t, locale } = useI18n();
  const [scope, setScope] = useState<Scope>("customer");
  const [invoiceIds, setInvoiceIds] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  const [untilDate, setUntilDate] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const items = useQuery({ ...customerItemsQuery(customerId, "open"), enabled: scope === "invoices" });
  const hold = useHold(customerId);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  // The form opens on demand: the keyboard goes straight to what must be written.
  useEffect(() => reasonRef.current?.focus(), []);
  const issues = isApiError(hold.error) ? hold.error.issues : [];
  const issueOf = (field: string): string | undefined =>
    issues.find((issue) => issue.field.startsWith(field))?.message;
  const invoices = (items.data?.items ?? []).filter((item) => item.type === "invoice");

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found: FormErrors = {
      invoices:
        scope === "invoices" && invoiceIds.length === 0 ? t("dunning.hold.invoicesRequired") : undefined,
      reason: reason.trim() ? undefined : t("dunning.hold.reasonRequired"),
    };
    setErrors(found);
    if (found.invoices || found.reason) return;
    hold.mutate(
      {
        invoiceIds: scope === "invoices" ? invoiceIds.map(Number) : [],
        reason: reason.trim(),
        untilDate: untilDate ?? undefined,
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Paper withBorder radius="sm" p="md" bg="var(--mantine-color-gray-0)">
      <form onSubmit={submit} data-testid="hold-form" noValidate>
        <Stack gap="sm">
          <Text fw={600} size="sm">
            {t("dunning.hold.formTitle")}
          </Text>
          <SegmentedControl<Scope>
            value={scope}
            onChange={setScope}
            data={[
              { value: "customer", label: t("dunning.hold.scopeCustomer") },
              { value: "invoices", label: t("dunning.hold.scopeInvoices") },
            ]}
            aria-label={t("dunning.hold.scope")}
            data-testid="hold-scope"
          />
          {scope === "invoices" && (
            <MultiSelect
              label={t("dunning.hold.invoices")}
              placeholder={invoices.length === 0 && items.data ? t("dunning.hold.noInvoice") : undefined}
              data={invoices.map((item) => ({
                value: String(item.id),
                label: t("dunning.hold.invoiceOption", {
                  number: item.number,
                  amount: formatMoney(item.openAmount, item.currency, locale),
                  due: formatDate(item.dueDate, locale),
                }),
              }))}
              value={invoiceIds}
              onChange={setInvoiceIds}
              searchable
              error={errors.invoices ?? issueOf("invoiceIds")}
              disabled={items.isPending}
              data-testid="hold-invoices"
            />
          )}
          <Textarea
            label={t("dunning.hold.reason")}
            placeholder={t("dunning.hold.reasonPlaceholder")}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.reason ?? issueOf("reason")}
            maxLength={500}
            autosize
            minRows={2}
            required
            ref={reasonRef}
            data-testid="hold-reason"
          />
          <DateField
            label={t("dunning.hold.untilLabel")}
            description={t("dunning.hold.untilHint")}
            placeholder={t("dunning.hold.noEnd")}
            value={untilDate}
            onChange={setUntilDate}
            minDate={addDays(browserToday(), 1)}
            isClearable
            isWide
            error={issueOf("untilDate")}
            data-testid="hold-until"
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={hold.isPending}>
              {t("dunning.cancel")}
            </Button>
            <Button type="submit" loading={hold.isPending} data-testid="hold-submit">
              {t("dunning.hold.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
