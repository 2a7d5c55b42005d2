import { Card, Skeleton, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { DepartmentEntry } from "../../../domain/workbench/departments.schemas";
import { EmptyTableRow } from "../../components/empty-table-row";
import { QueryError } from "../../components/query-error";
import { useT } from "../../i18n/use-i18n";
import { CatalogAddForm } from "./catalog-add-form";
import { CompanyCatalogPage } from "./company-catalog-page";
import { DepartmentRow } from "./department-row";
import { departmentsApi, departmentsQuery, useDepartmentChange } from "./departments-api";

const COLUMNS = 5;

function DepartmentsTable({ items, companyId }: { items: DepartmentEntry[]; companyId: number }): ReactNode {
  const t = useT();
  const change = useDepartmentChange(companyId);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" fz="sm" data-testid="departments-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("departments.col.name")}</Table.Th>
            <Table.Th>{t("departments.col.email")}</Table.Th>
            <Table.Th>{t("departments.col.active")}</Table.Th>
            <Table.Th ta="right">{t("departments.col.disputes")}</Table.Th>
            <Table.Th w={120} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyTableRow columns={COLUMNS} title={t("departments.empty")} />}
          {items.map((department) => (
            // Keyed on the saved values too: a change saved elsewhere resets the row's inputs.
            <DepartmentRow
              key={`${department.id}:${department.name}:${department.email}`}
              department={department}
              change={change}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AddDepartmentForm({ companyId }: { companyId: number }): ReactNode {
  const t = useT();
  return (
    <CatalogAddForm
      fields={[
        {
          name: "name",
          label: t("departments.col.name"),
          maxLength: 120,
          width: 260,
          testId: "department-new-name",
        },
        {
          name: "email",
          label: t("departments.col.email"),
          description: t("departments.emailHint"),
          type: "email",
          maxLength: 320,
          width: 320,
          testId: "department-new-email",
        },
      ]}
      change={useDepartmentChange(companyId)}
      add={departmentsApi.add}
      title={t("departments.addTitle")}
      submitLabel={t("departments.add")}
      savedMessage={t("departments.saved")}
      testId="department-add-form"
      submitTestId="department-add"
    />
  );
}

function CompanyDepartments({ companyId }: { companyId: number }): ReactNode {
  const departments = useQuery(departmentsQuery(companyId));
  if (departments.isError) {
    return <QueryError error={departments.error} onRetry={() => void departments.refetch()} />;
  }
  if (departments.isPending) return <Skeleton height={240} radius="md" />;
  return (
    <>
      <Card withBorder radius="md" padding={0}>
        <DepartmentsTable items={departments.data.items} companyId={companyId} />
      </Card>
      <AddDepartmentForm key={companyId} companyId={companyId} />
    </>
  );
}

/** `/settings/departments`: the administrator keeps each company's departments, which own disputes. */
export function DepartmentsPage(): ReactNode {
  const t = useT();
  return (
    <CompanyCatalogPage
      title={t("departments.title")}
      subtitle={t("departments.subtitle")}
      companyLabel={t("departments.company")}
      testId="departments"
    >
      {(companyId) => <CompanyDepartments key={companyId} companyId={companyId} />}
    </CompanyCatalogPage>
  );
}
