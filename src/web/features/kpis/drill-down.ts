import type { DashboardParams } from "./kpis-api";

function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * Where each figure leads: the lists behind it, with the filters those pages read from their query
 * string (invoices: companyId, status; customers: companyId, segment, collectorId, overdueOnly;
 * disputes: companyId, status). The lists show today's items; the figures may be of an earlier day.
 */
export const drillDown = {
  overdueInvoices: (p: DashboardParams) =>
    withQuery("/invoices", { companyId: p.companyId, status: "overdue", sort: "daysOverdue", order: "desc" }),
  openInvoices: (p: DashboardParams) => withQuery("/invoices", { companyId: p.companyId, status: "open" }),
  overdueCustomers: (p: DashboardParams, collectorId = p.collectorId) =>
    withQuery("/customers", {
      companyId: p.companyId,
      segment: p.segment === "-" ? undefined : p.segment,
      collectorId: collectorId === 0 ? undefined : collectorId,
      overdueOnly: "true",
    }),
  customer: (id: number) => `/customers/${id}`,
  activeDisputes: (p: DashboardParams) =>
    withQuery("/disputes", { companyId: p.companyId, status: "active" }),
};
