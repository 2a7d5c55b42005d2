import type { SortOrder } from "../../components/sortable-th";
import { readPageSize } from "../../hooks/page-size";
import {
  type ParamValue,
  readChoice,
  readPositiveInt,
  readText,
  useUrlParams,
} from "../../hooks/use-url-params";
import type { InvoiceListParams, InvoiceSort, InvoiceStatusFilter, InvoiceTypeFilter } from "./invoices-api";

// Records, so that TypeScript flags a value added to the API's schema and missing here.
const SORTS: Record<InvoiceSort, true> = {
  dueDate: true,
  issueDate: true,
  number: true,
  amount: true,
  openAmount: true,
  daysOverdue: true,
};
const STATUSES: Record<InvoiceStatusFilter, true> = {
  open: true,
  overdue: true,
  paid: true,
  closed: true,
  settled: true,
  all: true,
};
const TYPES: Record<InvoiceTypeFilter, true> = { invoice: true, credit_note: true };

export const INVOICE_STATUS_FILTERS = Object.keys(STATUSES) as InvoiceStatusFilter[];
export const INVOICE_TYPE_FILTERS = Object.keys(TYPES) as InvoiceTypeFilter[];
const SORT_KEYS = Object.keys(SORTS) as InvoiceSort[];
const ORDERS: readonly SortOrder[] = ["asc", "desc"];

/** The invoices list's filters, sort and page, read from and written to the query string. */
export function useInvoiceListParams(): {
  params: InvoiceListParams;
  update(
    changes: Partial<Record<keyof InvoiceListParams, ParamValue>>,
    options?: { replace?: boolean },
  ): void;
} {
  const { params, update } = useUrlParams();
  const type = params.get("type");
  return {
    params: {
      page: readPositiveInt(params, "page") ?? 1,
      pageSize: readPageSize(params),
      q: readText(params, "q"),
      companyId: readPositiveInt(params, "companyId"),
      status: readChoice(params, "status", INVOICE_STATUS_FILTERS, "open"),
      type: INVOICE_TYPE_FILTERS.find((value) => value === type),
      sort: readChoice(params, "sort", SORT_KEYS, "dueDate"),
      order: readChoice(params, "order", ORDERS, "asc"),
    },
    update,
  };
}
