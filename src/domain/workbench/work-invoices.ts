import { validationError } from "../../shared/errors";
import type { AppContext } from "../context";
import { type InvoiceFactsRow, selectInvoiceFacts, type WorkCustomerRow } from "./workbench.repo";

type CheckOptions = {
  customer: WorkCustomerRow;
  invoiceIds: readonly number[];
  today: string;
  /** The input field named in errors. */
  field?: string;
};

/**
 * The open invoices a promise or a dispute is about, in the order given. Another customer's invoice and
 * an unknown id get the same answer, so that nothing outside the portfolio is revealed.
 */
export async function checkWorkInvoices(ctx: AppContext, options: CheckOptions): Promise<InvoiceFactsRow[]> {
  const { customer, invoiceIds } = options;
  const field = options.field ?? "invoiceIds";
  const rows = await selectInvoiceFacts(ctx.db, {
    companyId: customer.company_id,
    invoiceIds,
    today: options.today,
    graceDays: customer.promise_grace_days,
  });
  const byId = new Map(rows.filter((r) => r.customer_id === customer.id).map((r) => [r.id, r]));
  const foreign = invoiceIds.filter((id) => !byId.has(id));
  if (foreign.length > 0) {
    throw validationError("Some invoices are not this customer's", [
      { field, value: foreign, message: "not invoices of this customer" },
    ]);
  }
  const invoices = invoiceIds.map((id) => byId.get(id) as InvoiceFactsRow);
  const closed = invoices.filter(
    (i) => i.type !== "invoice" || i.status !== "open" || i.open_amount_minor <= 0,
  );
  if (closed.length > 0) {
    throw validationError("Only open invoices can be promised or disputed", [
      {
        field,
        value: closed.map((i) => i.id),
        message: `not open invoices: ${closed.map((i) => i.number).join(", ")}`,
      },
    ]);
  }
  return invoices;
}
