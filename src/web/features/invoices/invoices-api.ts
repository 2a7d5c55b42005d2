import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { InvoiceListQuery, InvoicePage } from "../../../domain/ledger/ledger.schemas";
import { api } from "../../api/api-client";

export type InvoiceSort = InvoiceListQuery["sort"];
export type InvoiceStatusFilter = InvoiceListQuery["status"];
export type InvoiceTypeFilter = NonNullable<InvoiceListQuery["type"]>;

export type InvoiceListParams = {
  page: number;
  pageSize: number;
  q?: string;
  companyId?: number;
  status: InvoiceStatusFilter;
  type?: InvoiceTypeFilter;
  sort: InvoiceSort;
  order: "asc" | "desc";
};

export function invoiceListQuery(params: InvoiceListParams) {
  return queryOptions({
    queryKey: ["invoices", "list", params],
    queryFn: ({ signal }) => api.get<InvoicePage>("/invoices", params, signal),
    placeholderData: keepPreviousData,
  });
}
