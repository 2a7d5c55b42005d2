import { daysBetween, type IsoDate } from "../../shared/dates";
import { isDomainError, notFound } from "../../shared/errors";
import { formatMajor, type Money } from "../../shared/money";
import type { AppContext } from "../context";
import { assertCustomerVisible } from "../customers/get-customer";
import type { Actor } from "../users/users.types";
import {
  type ClaimInvoiceRow,
  findClaimCompany,
  selectClaimInvoices,
  selectClaimInvoicesMany,
} from "./claim.repo";
import { loadRateTable } from "./ensure-reference-rates";
import { computeInterest } from "./interest.rules";
import type { InterestCase } from "./interest-case";
import { jurisdictionOfCountry } from "./interest-regimes";
import type { ClaimItem, ClaimTotal, CustomerClaim, InterestFlag, Jurisdiction } from "./legal.schemas";
import type { RateTable } from "./reference-rates.rules";

type ItemSums = { currency: string; principal: number; interest: number; compensation: Money };
type ItemFigures = Pick<
  ClaimItem,
  "interest" | "compensation" | "compensationCurrency" | "rateRule" | "flags"
>;
type ItemResult = { item: ClaimItem; sums: ItemSums };
type ClaimContext = { jurisdiction: Jurisdiction | null; country: string; today: IsoDate; table: RateTable };

function resultOf(row: ClaimInvoiceRow, today: IsoDate, figures: ItemFigures, sums: ItemSums): ItemResult {
  const item: ClaimItem = {
    invoiceId: row.id,
    number: row.number,
    dueDate: row.due_date,
    daysOverdue: daysBetween(row.due_date as IsoDate, today),
    currency: row.currency,
    principal: formatMajor({ minor: row.open_amount_minor, currency: row.currency }),
    ...figures,
  };
  return { item, sums };
}

/** An invoice whose interest cannot be computed: its principal counts, with the reason as a flag. */
function withoutInterest(row: ClaimInvoiceRow, today: IsoDate, flag: InterestFlag): ItemResult {
  const zero = { minor: 0, currency: row.currency };
  const figures = {
    interest: formatMajor(zero),
    compensation: formatMajor(zero),
    compensationCurrency: row.currency,
    rateRule: flag.message,
    flags: [flag],
  };
  return resultOf(row, today, figures, {
    currency: row.currency,
    principal: row.open_amount_minor,
    interest: 0,
    compensation: zero,
  });
}

function caseOf(row: ClaimInvoiceRow, jurisdiction: Jurisdiction, today: IsoDate): InterestCase {
  const paidLate = row.payments.reduce((sum, p) => sum + p.minor, 0);
  return {
    jurisdiction,
    currency: row.currency,
    amountMinor: row.open_amount_minor + paidLate,
    dueDate: row.due_date as IsoDate,
    until: today,
    payments: row.payments.map((p) => ({ date: p.date as IsoDate, amountMinor: p.minor })),
    isConsumer: false,
    allocation: "principal-first",
  };
}

/**
 * One overdue invoice: interest from the due date to today on the balance of each day (the open
 * amount plus what was paid late, principal-first), B2B, and the fixed compensation.
 */
function itemOf(row: ClaimInvoiceRow, context: ClaimContext): ItemResult {
  const { jurisdiction, today } = context;
  if (jurisdiction === null) {
    const message = `No late-interest regime in the legal pack for the company's country ${context.country}`;
    return withoutInterest(row, today, { code: "NO_REGIME", message });
  }
  try {
    const outcome = computeInterest(caseOf(row, jurisdiction, today), context.table);
    const figures = {
      interest: formatMajor({ minor: outcome.interestMinor, currency: row.currency }),
      compensation: formatMajor(outcome.compensation),
      compensationCurrency: outcome.compensation.currency,
      rateRule: outcome.rateRule,
      flags: outcome.flags,
    };
    const sums = {
      currency: row.currency,
      principal: row.open_amount_minor,
      interest: outcome.interestMinor,
      compensation: outcome.compensation,
    };
    return resultOf(row, today, figures, sums);
  } catch (error) {
    // A rate missing from the table stops this invoice's interest, not the whole claim.
    if (!isDomainError(error) || error.code !== "VALIDATION") throw error;
    const reason = error.details.issues?.[0]?.message ?? error.message;
    return withoutInterest(row, today, { code: "NOT_COMPUTED", message: `Interest not computed: ${reason}` });
  }
}

/** Totals per currency, never across: the compensation counts in its own currency (EUR, GBP). */
function totalsOf(sums: ItemSums[]): ClaimTotal[] {
  const byCurrency = new Map<string, { principal: number; interest: number; compensation: number }>();
  const bucket = (currency: string) => {
    const found = byCurrency.get(currency) ?? { principal: 0, interest: 0, compensation: 0 };
    byCurrency.set(currency, found);
    return found;
  };
  for (const s of sums) {
    const own = bucket(s.currency);
    own.principal += s.principal;
    own.interest += s.interest;
    bucket(s.compensation.currency).compensation += s.compensation.minor;
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, t]) => {
      const money = (minor: number) => formatMajor({ minor, currency });
      const total = t.principal + t.interest + t.compensation;
      return {
        currency,
        principal: money(t.principal),
        interest: money(t.interest),
        compensation: money(t.compensation),
        total: money(total),
      };
    });
}

/** A customer's claim from its overdue invoices, as of its company's today. */
function claimFrom(
  customerId: number,
  country: string,
  today: IsoDate,
  rows: readonly ClaimInvoiceRow[],
  table: RateTable,
): CustomerClaim {
  const jurisdiction = jurisdictionOfCountry(country);
  const results = rows.map((row) => itemOf(row, { jurisdiction, country, today, table }));
  return {
    customerId,
    asOf: today,
    jurisdiction,
    country,
    items: results.map((r) => r.item),
    totals: totalsOf(results.map((r) => r.sums)),
  };
}

/** `GET /api/customers/:id/claim`: what the customer owes today, invoice by invoice, with interest and indemnities. */
export async function getCustomerClaim(
  ctx: AppContext,
  actor: Actor,
  customerId: number,
): Promise<CustomerClaim> {
  await assertCustomerVisible(ctx, actor, customerId);
  const now = ctx.clock.now();
  const company = await findClaimCompany(ctx.db, customerId, now);
  if (!company) throw notFound("Customer", customerId);
  const rows = await selectClaimInvoices(ctx.db, customerId, now);
  const table =
    rows.length > 0 && jurisdictionOfCountry(company.country) ? await loadRateTable(ctx) : new Map();
  return claimFrom(customerId, company.country, company.today as IsoDate, rows, table);
}

export type ClaimRequest = { customerId: number; companyCountry: string; today: string };

/**
 * The claims of many customers at once (a batch of letters), each exactly as `getCustomerClaim` gives
 * it: one query for all their overdue invoices and one rate table. By customer id. No visibility
 * check: for the application's own work (the outbox worker), not for a user's request.
 */
export async function getCustomerClaims(
  ctx: AppContext,
  requests: readonly ClaimRequest[],
): Promise<Map<number, CustomerClaim>> {
  const claims = new Map<number, CustomerClaim>();
  const rowsOf = await selectClaimInvoicesMany(ctx.db, requests);
  const needsRates = requests.some(
    (r) => rowsOf.has(r.customerId) && jurisdictionOfCountry(r.companyCountry),
  );
  const table: RateTable = needsRates ? await loadRateTable(ctx) : new Map();
  for (const request of requests) {
    if (claims.has(request.customerId)) continue;
    const rows = rowsOf.get(request.customerId) ?? [];
    claims.set(
      request.customerId,
      claimFrom(request.customerId, request.companyCountry, request.today as IsoDate, rows, table),
    );
  }
  return claims;
}
