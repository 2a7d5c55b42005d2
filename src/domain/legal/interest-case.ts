import type { IsoDate } from "../../shared/dates";
import { type FieldIssue, validationError } from "../../shared/errors";
import { formatMajor, parseMajor } from "../../shared/money";
import { CONSUMER_JURISDICTIONS, regimeOf } from "./interest-regimes";
import type { Allocation, InterestInput, Jurisdiction } from "./legal.schemas";

export type InterestCasePayment = { date: IsoDate; amountMinor: number };

/** One invoice's late-payment case, amounts in minor units of `currency`: what the engine computes. */
export type InterestCase = {
  jurisdiction: Jurisdiction;
  currency: string;
  /** The amount including VAT (the base of interest). */
  amountMinor: number;
  dueDate: IsoDate;
  /** Last day that accrues: the payment date, or the date of the claim. */
  until: IsoDate;
  payments: readonly InterestCasePayment[];
  isConsumer: boolean;
  /** A contractual annual rate in percent ("15"), instead of the statutory one. */
  contractualRate?: string;
  allocation: Allocation;
  /** Start of default or date of the formal notice; interest runs from the next day. */
  defaultFrom?: IsoDate;
};

function amountIssue(field: string, value: string, currency: string, error: unknown): FieldIssue {
  const reason = error instanceof Error ? error.message : String(error);
  return { field, value, message: `is not an amount in ${currency}: ${reason}` };
}

/** Converts the parsed request (decimal strings) into a case in minor units; errors name each field. */
export function toInterestCase(input: InterestInput): InterestCase {
  const issues: FieldIssue[] = [];
  let amountMinor = 0;
  try {
    amountMinor = parseMajor(input.amount, input.currency).minor;
  } catch (error) {
    issues.push(amountIssue("amount", input.amount, input.currency, error));
  }
  const payments: InterestCasePayment[] = [];
  for (const payment of input.payments) {
    try {
      payments.push({ date: payment.date, amountMinor: parseMajor(payment.amount, input.currency).minor });
    } catch (error) {
      issues.push(amountIssue("payments", `${payment.date}:${payment.amount}`, input.currency, error));
    }
  }
  if (issues.length > 0) throw validationError("The interest case is not valid", issues);
  const interestCase: InterestCase = {
    jurisdiction: input.jurisdiction,
    currency: input.currency,
    amountMinor,
    dueDate: input.due,
    until: input.until,
    payments,
    isConsumer: input.b2c,
    contractualRate: input.rate,
    allocation: input.allocation,
    defaultFrom: input.defaultFrom,
  };
  checkInterestCase(interestCase);
  return interestCase;
}

/** The rules between fields: dates in order, payments inside the period, a regime for the debtor. */
export function checkInterestCase(c: InterestCase): void {
  const issues: FieldIssue[] = [];
  if (c.amountMinor <= 0)
    issues.push({ field: "amount", value: c.amountMinor, message: "must be above zero" });
  if (c.until < c.dueDate) {
    issues.push({ field: "until", value: c.until, message: `must not be before the due date ${c.dueDate}` });
  }
  if (c.defaultFrom !== undefined && c.defaultFrom < c.dueDate) {
    issues.push({
      field: "defaultFrom",
      value: c.defaultFrom,
      message: `must not be before the due date ${c.dueDate}: there is no default before payment is due`,
    });
  }
  if (c.defaultFrom !== undefined && c.defaultFrom > c.until) {
    issues.push({ field: "defaultFrom", value: c.defaultFrom, message: `must not be after ${c.until}` });
  }
  const regime = regimeOf(c.jurisdiction, c.isConsumer);
  if (regime === null) {
    issues.push({
      field: "b2c",
      value: c.jurisdiction,
      message: `a consumer debtor is covered in ${CONSUMER_JURISDICTIONS.join(" and ")} only (the directive and the UK Act are for businesses)`,
    });
  } else if (regime.needsFormalNotice && c.defaultFrom === undefined) {
    issues.push({
      field: "defaultFrom",
      message: `is required for a consumer debtor in ${c.jurisdiction}: interest runs from the formal notice (Code civil 1344-1)`,
    });
  }
  for (const payment of c.payments) {
    const value = `${payment.date}:${formatMajor({ minor: payment.amountMinor, currency: c.currency })}`;
    if (payment.amountMinor <= 0) issues.push({ field: "payments", value, message: "must be above zero" });
    if (payment.date > c.until) {
      issues.push({ field: "payments", value, message: `is dated after ${c.until}, the end of the period` });
    }
  }
  if (issues.length > 0) throw validationError("The interest case is not valid", issues);
}
