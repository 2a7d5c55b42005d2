import type { AppContext } from "../context";
import { decimal } from "../ledger/ledger.rules";
import { portfolioScope } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { type CustomerListRow, countCustomers, selectCustomers } from "./customers.repo";
import type { CustomerListItem, CustomerListQuery, CustomerPage } from "./customers.schemas";

function toItem(row: CustomerListRow): CustomerListItem {
  return {
    id: row.id,
    externalRef: row.external_ref,
    name: row.name,
    company: { id: row.company_id, code: row.company_code },
    segment: row.segment,
    country: row.country,
    currency: row.currency,
    isStrategic: row.is_strategic,
    riskClass: row.risk_class,
    collector: row.collector_id === null ? null : { id: row.collector_id, name: row.collector_name ?? "" },
    salesRep: row.sales_rep_id === null ? null : { id: row.sales_rep_id, name: row.sales_rep_name ?? "" },
    openAmount: decimal(row.open_minor, row.currency),
    overdueAmount: decimal(row.overdue_minor, row.currency),
    openCount: row.open_count,
    maxDaysOverdue: row.max_days_overdue,
    creditLimit: row.credit_limit_minor === null ? null : decimal(row.credit_limit_minor, row.currency),
    exposure: decimal(row.open_minor, row.currency),
    accountStatus: row.account_status as CustomerListItem["accountStatus"],
    creditHold: row.account_status === "credit_hold",
  };
}

export async function listCustomers(
  ctx: AppContext,
  actor: Actor,
  query: CustomerListQuery,
): Promise<CustomerPage> {
  const { page, pageSize, sort, order, ...rest } = query;
  const filter = { ...rest, scope: portfolioScope(actor), now: ctx.clock.now() };
  const [rows, total] = await Promise.all([
    selectCustomers(ctx.db, filter, { limit: pageSize, offset: (page - 1) * pageSize, sort, order }),
    countCustomers(ctx.db, filter),
  ]);
  return { items: rows.map(toItem), total, page, pageSize };
}
