import type { SortOrder } from "../../components/sortable-th";
import { readPageSize } from "../../hooks/page-size";
import {
  type ParamValue,
  readChoice,
  readPositiveInt,
  readText,
  useUrlParams,
} from "../../hooks/use-url-params";
import type { CustomerListParams, CustomerSort } from "./customers-api";

/** Every sort the API accepts (a Record, so that TypeScript flags a sort added to the schema). */
const SORTS: Record<CustomerSort, true> = {
  name: true,
  openAmount: true,
  overdueAmount: true,
  daysOverdue: true,
};
const SORT_KEYS = Object.keys(SORTS) as CustomerSort[];
const ORDERS: readonly SortOrder[] = ["asc", "desc"];

/** The customers list's filters, sort and page, read from and written to the query string. */
export function useCustomerListParams(): {
  params: CustomerListParams;
  update(
    changes: Partial<Record<keyof CustomerListParams, ParamValue>>,
    options?: { replace?: boolean },
  ): void;
} {
  const { params, update } = useUrlParams();
  return {
    params: {
      page: readPositiveInt(params, "page") ?? 1,
      pageSize: readPageSize(params),
      q: readText(params, "q"),
      companyId: readPositiveInt(params, "companyId"),
      segment: readText(params, "segment"),
      collectorId: readPositiveInt(params, "collectorId"),
      overdueOnly: params.get("overdueOnly") === "true",
      sort: readChoice(params, "sort", SORT_KEYS, "overdueAmount"),
      order: readChoice(params, "order", ORDERS, "desc"),
    },
    update,
  };
}
