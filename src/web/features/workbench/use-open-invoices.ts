import { useQuery } from "@tanstack/react-query";
import type { InvoiceListItem } from "../../../domain/ledger/ledger.schemas";
import { formatDate, formatMoney, isPositiveAmount } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { customerItemsQuery } from "../customers/customers-api";

export type InvoiceOption = { value: string; label: string };

/** The customer's open invoices (not credit notes) that a promise or a dispute can be about. */
export function useOpenInvoices(customerId: number): {
  invoices: InvoiceListItem[];
  options: InvoiceOption[];
  isLoading: boolean;
} {
  const { t, locale } = useI18n();
  const items = useQuery(customerItemsQuery(customerId, "open"));
  const invoices = (items.data?.items ?? []).filter(
    (item) => item.type === "invoice" && isPositiveAmount(item.openAmount),
  );
  return {
    invoices,
    isLoading: items.isPending,
    options: invoices.map((item) => ({
      value: String(item.id),
      label: t("workbench.invoiceOption", {
        number: item.number,
        amount: formatMoney(item.openAmount, item.currency, locale),
        due: formatDate(item.dueDate, locale),
      }),
    })),
  };
}
