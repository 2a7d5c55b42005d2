import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ListPage } from "../../components/list-page";
import { useT } from "../../i18n/use-i18n";
import { InvoiceFilters } from "./invoice-filters";
import { invoiceListQuery } from "./invoices-api";
import { InvoicesTable } from "./invoices-table";
import { useInvoiceListParams } from "./use-invoice-list-params";

export function InvoicesPage(): ReactNode {
  const t = useT();
  const listParams = useInvoiceListParams();
  const { params, update } = listParams;
  const list = useQuery(invoiceListQuery(params));

  return (
    <ListPage
      title={t("invoices.title")}
      countLabel={(total) => t.plural("invoices.count", total)}
      filters={<InvoiceFilters {...listParams} />}
      list={list}
      page={params.page}
      pageSize={params.pageSize}
      update={update}
      data-testid="invoices-page"
    >
      <InvoicesTable
        items={list.data?.items}
        sort={params.sort}
        order={params.order}
        onSort={(sort, order) => update({ sort, order })}
      />
    </ListPage>
  );
}
