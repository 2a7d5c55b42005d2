import { Card, Skeleton, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { DisputeReasonEntry } from "../../../domain/workbench/dispute-reasons.schemas";
import { EmptyTableRow } from "../../components/empty-table-row";
import { QueryError } from "../../components/query-error";
import { useT } from "../../i18n/use-i18n";
import { CatalogAddForm } from "./catalog-add-form";
import { CompanyCatalogPage } from "./company-catalog-page";
import { DisputeReasonRow } from "./dispute-reason-row";
import { disputeReasonsApi, disputeReasonsQuery, useDisputeReasonChange } from "./dispute-reasons-api";

const COLUMNS = 7;

function ReasonsTable({ items, companyId }: { items: DisputeReasonEntry[]; companyId: number }): ReactNode {
  const t = useT();
  const change = useDisputeReasonChange(companyId);
  const order = items.map((item) => item.code);
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" fz="sm" data-testid="dispute-reasons-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t("disputeReasons.col.order")}</Table.Th>
            <Table.Th>{t("disputeReasons.col.code")}</Table.Th>
            <Table.Th>{t("disputeReasons.col.labelFr")}</Table.Th>
            <Table.Th>{t("disputeReasons.col.labelEn")}</Table.Th>
            <Table.Th>{t("disputeReasons.col.active")}</Table.Th>
            <Table.Th ta="right">{t("disputeReasons.col.used")}</Table.Th>
            <Table.Th w={150} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyTableRow columns={COLUMNS} title={t("disputeReasons.empty")} />}
          {items.map((reason) => (
            // Keyed on the labels too: a rename saved elsewhere resets the row's inputs.
            <DisputeReasonRow
              key={`${reason.code}:${reason.labelFr}:${reason.labelEn}`}
              reason={reason}
              order={order}
              change={change}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AddReasonForm({ companyId }: { companyId: number }): ReactNode {
  const t = useT();
  return (
    <CatalogAddForm
      fields={[
        {
          name: "code",
          label: t("disputeReasons.col.code"),
          description: t("disputeReasons.codeHint"),
          maxLength: 40,
          width: 220,
          testId: "dispute-reason-new-code",
        },
        {
          name: "labelFr",
          label: t("disputeReasons.col.labelFr"),
          maxLength: 120,
          width: 260,
          testId: "dispute-reason-new-fr",
        },
        {
          name: "labelEn",
          label: t("disputeReasons.col.labelEn"),
          maxLength: 120,
          width: 260,
          testId: "dispute-reason-new-en",
        },
      ]}
      change={useDisputeReasonChange(companyId)}
      add={disputeReasonsApi.add}
      title={t("disputeReasons.addTitle")}
      submitLabel={t("disputeReasons.add")}
      savedMessage={t("disputeReasons.saved")}
      testId="dispute-reason-add-form"
      submitTestId="dispute-reason-add"
    />
  );
}

function CompanyReasons({ companyId }: { companyId: number }): ReactNode {
  const reasons = useQuery(disputeReasonsQuery(companyId));
  if (reasons.isError) return <QueryError error={reasons.error} onRetry={() => void reasons.refetch()} />;
  if (reasons.isPending) return <Skeleton height={320} radius="md" />;
  return (
    <>
      <Card withBorder radius="md" padding={0}>
        <ReasonsTable items={reasons.data.items} companyId={companyId} />
      </Card>
      <AddReasonForm key={companyId} companyId={companyId} />
    </>
  );
}

/** `/settings/dispute-reasons`: the administrator edits each company's dispute reasons, in French and English. */
export function DisputeReasonsPage(): ReactNode {
  const t = useT();
  return (
    <CompanyCatalogPage
      title={t("disputeReasons.title")}
      subtitle={t("disputeReasons.subtitle")}
      companyLabel={t("disputeReasons.company")}
      testId="dispute-reasons"
    >
      {(companyId) => <CompanyReasons key={companyId} companyId={companyId} />}
    </CompanyCatalogPage>
  );
}
