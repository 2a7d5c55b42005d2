import { notFound } from "../../shared/errors";
import type { AppContext } from "../context";
import { decimal } from "../ledger/ledger.rules";
import { portfolioScope } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { findCustomerFile } from "./credit.repo";
import { type CustomerDetailRow, findCustomer } from "./customers.repo";
import type { CustomerDetail } from "./customers.schemas";

/** Throws NOT_FOUND for a customer outside the actor's portfolio, so its existence is not revealed. */
export async function assertCustomerVisible(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  if (!(await findCustomer(ctx.db, id, portfolioScope(actor)))) throw notFound("Customer", id);
}

type Group = NonNullable<CustomerDetail["group"]> & { isOver: boolean };

function groupOf(row: CustomerDetailRow, exposure: number | null): Group | null {
  if (row.group_key === null) return null;
  const currency = row.group_currency ?? row.currency;
  return {
    isOver: row.group_limit_minor !== null && (exposure ?? 0) > row.group_limit_minor,
    key: row.group_key,
    name: row.group_name ?? row.group_key,
    creditLimit: row.group_limit_minor === null ? null : decimal(row.group_limit_minor, currency),
    exposure: decimal(exposure ?? 0, currency),
    currency,
  };
}

const days = (text: string | null): number | null => (text === null ? null : Number(text));

/**
 * The customer file's header: who the customer is, its totals per currency (open, overdue, disputed), its
 * credit limit and exposure (its own and its group's), its account status and its payment behaviour.
 */
export async function getCustomer(ctx: AppContext, actor: Actor, id: number): Promise<CustomerDetail> {
  const row = await findCustomerFile(ctx.db, id, portfolioScope(actor), ctx.clock.now());
  if (!row) throw notFound("Customer", id);
  const { totals } = row;
  const group = groupOf(row, row.group_exposure_minor);
  const own = totals.find((t) => t.currency === row.currency);
  const exposureMinor = own?.open_minor ?? 0;
  const isOwnOver = row.credit_limit_minor !== null && exposureMinor > row.credit_limit_minor;
  const creditLimit = row.credit_limit_minor === null ? null : decimal(row.credit_limit_minor, row.currency);
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
    creditLimit,
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
      disputed: decimal(t.disputed_minor, t.currency),
    })),
    accountStatus: row.account_status as CustomerDetail["accountStatus"],
    creditHold: row.account_status === "credit_hold",
    exposure: decimal(exposureMinor, row.currency),
    group: group && {
      key: group.key,
      name: group.name,
      creditLimit: group.creditLimit,
      exposure: group.exposure,
      currency: group.currency,
    },
    isOverCreditLimit: isOwnOver || group?.isOver === true,
    avgPaymentDelay: days(row.avg_delay),
    dso: days(row.dso),
  };
}
