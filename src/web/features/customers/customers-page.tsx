import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ListPage } from "../../components/list-page";
import { useT } from "../../i18n/use-i18n";
import { CustomerFilters } from "./customer-filters";
import { customerListQuery } from "./customers-api";
import { CustomersTable } from "./customers-table";
import { useCustomerListParams } from "./use-customer-list-params";

export function CustomersPage(): ReactNode {
  const t = useT();
  const listParams = useCustomerListParams();
  const { params, update } = listParams;
  const list = useQuery(customerListQuery(params));

  return (
    <ListPage
      title={t("customers.title")}
      countLabel={(total) => t.plural("customers.count", total)}
      filters={<CustomerFilters {...listParams} />}
      list={list}
      page={params.page}
      pageSize={params.pageSize}
      update={update}
      data-testid="customers-page"
    >
      <CustomersTable
        items={list.data?.items}
        sort={params.sort}
        order={params.order}
        onSort={(sort, order) => update({ sort, order })}
      />
    </ListPage>
  );
}
