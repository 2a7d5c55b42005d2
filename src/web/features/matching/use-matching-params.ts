import { readPageSize } from "../../hooks/page-size";
import {
  type ParamValue,
  readChoice,
  readPositiveInt,
  readText,
  useUrlParams,
} from "../../hooks/use-url-params";
import { STATUS_FILTERS } from "./line-filters";
import type { BankLineParams, BankLineSort } from "./matching-api";

const SORTS: readonly BankLineSort[] = ["bookingDate", "amount", "score"];
const ORDERS = ["asc", "desc"] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT = /^-?\d+(\.\d+)?$/;

function readPattern(params: URLSearchParams, name: string, pattern: RegExp): string | undefined {
  const value = readText(params, name);
  return value && pattern.test(value) ? value : undefined;
}

/** The workspace's filters, sort and page, read from and written to the query string. */
export function useMatchingParams(): {
  params: BankLineParams;
  update(changes: Partial<Record<keyof BankLineParams, ParamValue>>, options?: { replace?: boolean }): void;
} {
  const { params, update } = useUrlParams();
  return {
    params: {
      companyId: readPositiveInt(params, "companyId"),
      status: readChoice(params, "status", STATUS_FILTERS, "todo"),
      q: readText(params, "q"),
      from: readPattern(params, "from", DATE),
      to: readPattern(params, "to", DATE),
      minAmount: readPattern(params, "minAmount", AMOUNT),
      maxAmount: readPattern(params, "maxAmount", AMOUNT),
      account: readText(params, "account"),
      sort: readChoice(params, "sort", SORTS, "bookingDate"),
      order: readChoice(params, "order", ORDERS, "asc"),
      page: readPositiveInt(params, "page") ?? 1,
      pageSize: readPageSize(params),
    },
    update,
  };
}
