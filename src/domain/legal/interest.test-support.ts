import type { IsoDate } from "../../shared/dates";
import { isDomainError } from "../../shared/errors";
import { parseMajor } from "../../shared/money";
import { computeInterest } from "./interest.rules";
import type { InterestCase } from "./interest-case";
import { toInterestResult } from "./interest-result";
import type { InterestResult } from "./legal.schemas";
import { type RateTable, rateTable } from "./reference-rates.rules";
import { shippedReferenceRates } from "./shipped-reference-rates";

/** Builders for the interest tests: cases written with plain strings, computed on the shipped table. */
export const shippedTable: RateTable = rateTable(shippedReferenceRates());

export const d = (text: string): IsoDate => text as IsoDate;

export type CaseValues = Omit<Partial<InterestCase>, "payments" | "dueDate" | "until" | "defaultFrom"> & {
  amount: string;
  due: string;
  until: string;
  defaultFrom?: string;
  payments?: [date: string, amount: string][];
};

export function caseOf(values: CaseValues): InterestCase {
  const currency = values.currency ?? "EUR";
  const minor = (amount: string) => parseMajor(amount, currency).minor;
  return {
    jurisdiction: values.jurisdiction ?? "FR",
    currency,
    amountMinor: minor(values.amount),
    dueDate: d(values.due),
    until: d(values.until),
    payments: (values.payments ?? []).map(([date, amount]) => ({
      date: d(date),
      amountMinor: minor(amount),
    })),
    isConsumer: values.isConsumer ?? false,
    contractualRate: values.contractualRate,
    allocation: values.allocation ?? "principal-first",
    defaultFrom: values.defaultFrom === undefined ? undefined : d(values.defaultFrom),
  };
}

export function compute(values: CaseValues, table: RateTable = shippedTable): InterestResult {
  const c = caseOf(values);
  return toInterestResult(c, computeInterest(c, table));
}

export const flagCodes = (result: InterestResult): string[] => result.flags.map((f) => f.code);

/** The fields named by the VALIDATION error that `run` throws. */
export function issueFields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return (error.details.issues ?? []).map((i) => i.field);
    throw error;
  }
  throw new Error("expected a validation error");
}
