import { notFound } from "../../shared/errors";
import type { AppContext } from "../context";
import { decimal } from "../ledger/ledger.rules";
import { portfolioScope } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { findCustomer, selectCustomerTotals } from "./customers.repo";
import type { CustomerDetail } from "./customers.schemas";

/** Throws NOT_FOUND for a customer outside the actor's portfolio, so its existence is not revealed. */
export async function assertCustomerVisible(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  if (!(await findCustomer(ctx.db, id, portfolioScope(actor)))) throw notFound("Customer", id);
}

export async function getCustomer(ctx: AppContext, actor: Actor, id: number): Promise<CustomerDetail> {
  const row = await findCustomer(ctx.db, id, portfolioScope(actor));
  if (!row) throw notFound("Customer", id);
  const totals = await selectCustomerTotals(ctx.db, id, ctx.clock.now());
  const address = [
    row.address_line1,
    row.address_line2,
    [row.postal_code, row.city].filter(Boolean).join(" "),
  ].filter((line): line is string => Boolean(line));
  return {
    id: row.id,
    externalRef: row.external_ref,
    name: row.name,
    company: { id: row.company_id, code: row.company_code, name: row.company_name },
    segment: row.segment,
    language: row.language,
    country: row.country,
    currency: row.currency,
    email: row.email,
    phone: row.phone,
    address,
    paymentTerms: row.payment_terms,
    creditLimit: row.credit_limit_minor === null ? null : decimal(row.credit_limit_minor, row.currency),
    riskClass: row.risk_class,
    isStrategic: row.is_strategic,
    collector: row.collector_id === null ? null : { id: row.collector_id, name: row.collector_name ?? "" },
    salesRep: row.sales_rep_id === null ? null : { id: row.sales_rep_id, name: row.sales_rep_name ?? "" },
    legalId: row.legal_id,
    vatId: row.vat_id,
    totals: totals.map((t) => ({
      currency: t.currency,
      open: decimal(t.open_minor, t.currency),
      overdue: decimal(t.overdue_minor, t.currency),
      notDue: decimal(t.not_due_minor, t.currency),
      openCount: t.open_count,
      overdueCount: t.overdue_count,
      unapplied: decimal(t.unapplied_minor, t.currency),
    })),
  };
}
