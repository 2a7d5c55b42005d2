import { Group, Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { DISPUTE_STATUSES } from "../../../domain/workbench/workbench.schemas";
import { ListPage } from "../../components/list-page";
import { readPageSize } from "../../hooks/page-size";
import { readChoice, readPositiveInt, useUrlParams } from "../../hooks/use-url-params";
import { useT } from "../../i18n/use-i18n";
import { hasRole } from "../auth/roles";
import { useMe } from "../auth/use-me";
import { companiesQuery } from "../companies/companies-api";
import { CompanySelect } from "../dunning/company-select";
import { DepartmentSelect } from "./department-select";
import { DisputesTable } from "./disputes-table";
import { OwnerSelect } from "./owner-select";
import { disputesQuery, WORKBENCH_WRITE_ROLES } from "./workbench-api";

const STATUS_FILTERS = ["active", ...DISPUTE_STATUSES, "all"] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];

/**
 * `/disputes`: the disputes of the customers the user may see, by status, owner, department (of the chosen
 * company, for the people who work disputes) and company, the oldest first.
 */
export function DisputesPage(): ReactNode {
  const t = useT();
  const canWrite = hasRole(useMe(), WORKBENCH_WRITE_ROLES);
  const { params, update } = useUrlParams();
  const status = readChoice<StatusFilter>(params, "status", STATUS_FILTERS, "active");
  const ownerId = readPositiveInt(params, "ownerId");
  const companyId = readPositiveInt(params, "companyId");
  const departmentId = readPositiveInt(params, "departmentId");
  const companies = useQuery(companiesQuery).data?.items ?? [];
  // Departments are a company's: offered once the company is known (chosen, or the only one).
  const departmentCompanyId = companyId ?? (companies.length === 1 ? companies[0]?.id : undefined);
  const page = readPositiveInt(params, "page") ?? 1;
  const pageSize = readPageSize(params);
  const list = useQuery(
    disputesQuery({
      page,
      pageSize,
      status: status === "all" ? undefined : status,
      ownerId,
      departmentId,
      companyId,
    }),
  );

  return (
    <ListPage
      title={t("workbench.disputes.title")}
      countLabel={(total) => t.plural("workbench.disputes.count", total)}
      list={list}
      page={page}
      pageSize={pageSize}
      update={update}
      data-testid="disputes-page"
      filters={
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t("workbench.disputes.status")}
            data={STATUS_FILTERS.map((value) => ({ value, label: t(`workbench.disputes.status.${value}`) }))}
            value={status}
            onChange={(next) => update({ status: next === "active" ? null : next })}
            allowDeselect={false}
            w={{ base: "100%", xs: 290 }}
            data-testid="disputes-status"
          />
          <OwnerSelect
            label={t("workbench.disputes.owner")}
            placeholder={t("workbench.disputes.ownerAll")}
            value={ownerId ? String(ownerId) : null}
            onChange={(next) => update({ ownerId: next })}
            isClearable
            data-testid="disputes-owner"
          />
          {departmentCompanyId !== undefined && (
            <DepartmentSelect
              companyId={departmentCompanyId}
              isActiveOnly={false}
              label={t("workbench.disputes.department")}
              placeholder={t("workbench.disputes.departmentAll")}
              value={departmentId ? String(departmentId) : null}
              onChange={(next) => update({ departmentId: next })}
              data-testid="disputes-department"
            />
          )}
          <CompanySelect
            value={companyId}
            onChange={(next) => update({ companyId: next, departmentId: null })}
          />
        </Group>
      }
    >
      <DisputesTable
        disputes={list.data?.items}
        showCustomer
        canWrite={canWrite}
        emptyTitle={t("workbench.disputes.empty")}
      />
    </ListPage>
  );
}
