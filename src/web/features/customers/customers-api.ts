import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { Timeline } from "../../../domain/audit/audit.schemas";
import type {
  ContactList,
  CustomerDetail,
  CustomerFacets,
  CustomerInvoicesQuery,
  CustomerListQuery,
  CustomerPage,
} from "../../../domain/customers/customers.schemas";
import type { InvoiceListItem } from "../../../domain/ledger/ledger.schemas";
import { api } from "../../api/api-client";

export type CustomerSort = CustomerListQuery["sort"];
export type ItemStatusFilter = CustomerInvoicesQuery["status"];

export type CustomerListParams = {
  page: number;
  pageSize: number;
  q?: string;
  companyId?: number;
  segment?: string;
  collectorId?: number;
  overdueOnly: boolean;
  sort: CustomerSort;
  order: "asc" | "desc";
};

const TIMELINE_PAGE_SIZE = 20;

export function customerListQuery(params: CustomerListParams) {
  return queryOptions({
    queryKey: ["customers", "list", params],
    queryFn: ({ signal }) =>
      api.get<CustomerPage>(
        "/customers",
        { ...params, overdueOnly: params.overdueOnly || undefined },
        signal,
      ),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function customerFacetsQuery(companyId: number | undefined) {
  return queryOptions({
    queryKey: ["customers", "facets", companyId ?? null],
    queryFn: ({ signal }) => api.get<CustomerFacets>("/customers/facets", { companyId }, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export function customerQuery(id: number) {
  return queryOptions({
    queryKey: ["customers", id],
    queryFn: ({ signal }) => api.get<CustomerDetail>(`/customers/${id}`, undefined, signal),
  });
}

export function customerItemsQuery(id: number, status: ItemStatusFilter) {
  return queryOptions({
    queryKey: ["customers", id, "invoices", status],
    queryFn: ({ signal }) =>
      api.get<{ items: InvoiceListItem[] }>(`/customers/${id}/invoices`, { status }, signal),
    placeholderData: keepPreviousData,
  });
}

export function customerContactsQuery(id: number) {
  return queryOptions({
    queryKey: ["customers", id, "contacts"],
    queryFn: ({ signal }) => api.get<ContactList>(`/customers/${id}/contacts`, undefined, signal),
  });
}

/** Newest first, by pages of keyset pagination: `nextBefore` of a page is `before` of the next one. */
export function customerTimelineQuery(id: number) {
  return infiniteQueryOptions({
    queryKey: ["customers", id, "timeline"],
    queryFn: ({ signal, pageParam }) =>
      api.get<Timeline>(
        `/customers/${id}/timeline`,
        { limit: TIMELINE_PAGE_SIZE, before: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextBefore ?? undefined,
  });
}
