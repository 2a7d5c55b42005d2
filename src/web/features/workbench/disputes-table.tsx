import { Anchor, Badge, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Dispute } from "../../../domain/workbench/workbench.schemas";
import { DateText } from "../../components/date-text";
import { EmptyTableRow } from "../../components/empty-table-row";
import { Money } from "../../components/money";
import { TableSkeleton } from "../../components/table-skeleton";
import { useI18n } from "../../i18n/use-i18n";
import { DisputeTransitions } from "./dispute-transitions";
import { DisputeStatusBadge } from "./status-badges";

type DisputesTableProps = {
  disputes: Dispute[] | undefined;
  /** The disputes page lists several customers; the customer page does not repeat its own name. */
  showCustomer: boolean;
  canWrite: boolean;
  emptyTitle: string;
};

/**
 * Disputes with their reason, amount, owner and department, age and status, and the next steps of their
 * workflow.
 */
export function DisputesTable({
  disputes,
  showCustomer,
  canWrite,
  emptyTitle,
}: DisputesTableProps): ReactNode {
  const { t, language } = useI18n();
  const columns = showCustomer ? 9 : 8;
  return (
    <Table.ScrollContainer minWidth={showCustomer ? 1080 : 940}>
      <Table verticalSpacing="xs" striped fz="sm" data-testid="disputes-table">
        <Table.Thead>
          <Table.Tr>
            {showCustomer && <Table.Th>{t("workbench.dispute.col.customer")}</Table.Th>}
            <Table.Th>{t("workbench.dispute.col.invoice")}</Table.Th>
            <Table.Th>{t("workbench.dispute.col.reason")}</Table.Th>
            <Table.Th ta="right">{t("workbench.dispute.col.amount")}</Table.Th>
            <Table.Th>{t("workbench.dispute.col.ownerDepartment")}</Table.Th>
            <Table.Th ta="right">{t("workbench.dispute.col.age")}</Table.Th>
            <Table.Th>{t("workbench.dispute.col.deadline")}</Table.Th>
            <Table.Th>{t("workbench.dispute.col.status")}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t("workbench.col.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {disputes === undefined && <TableSkeleton columns={columns} rows={3} />}
          {disputes?.length === 0 && <EmptyTableRow columns={columns} title={emptyTitle} />}
          {disputes?.map((dispute) => (
            <Table.Tr key={dispute.id} data-testid="dispute-row" data-status={dispute.status}>
              {showCustomer && (
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/customers/${dispute.customer.id}?tab=followup`}
                    fw={600}
                    size="sm"
                  >
                    {dispute.customer.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {dispute.customer.externalRef}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm" fw={500}>
                  {dispute.invoice.number}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("workbench.dispute.dueOn")} <DateText value={dispute.invoice.dueDate} />
                </Text>
              </Table.Td>
              <Table.Td maw={260}>
                <Stack gap={2}>
                  <Text size="sm">{dispute.reasonLabel[language] || dispute.reason}</Text>
                  {(dispute.resolutionNote ?? dispute.note) && (
                    <Text
                      size="xs"
                      c="dimmed"
                      lineClamp={2}
                      title={dispute.resolutionNote ?? dispute.note ?? undefined}
                    >
                      {dispute.resolutionNote ?? dispute.note}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td ta="right">
                <Money amount={dispute.amount} currency={dispute.currency} />
              </Table.Td>
              <Table.Td data-testid="dispute-owner-cell">
                {(dispute.owner || !dispute.department) && (
                  <Text size="sm">{dispute.owner?.name ?? t("workbench.dispute.noOwner")}</Text>
                )}
                {dispute.department && (
                  <Text size="xs" c="dimmed" data-testid="dispute-department-name">
                    {t("workbench.dispute.departmentOf", { name: dispute.department.name })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {t.plural("workbench.dispute.age", dispute.ageDays)}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <DateText value={dispute.deadline} />
                  {dispute.isPastDeadline && (
                    <Badge color="red" variant="filled" radius="sm" size="xs">
                      {t("workbench.dispute.pastDeadline")}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <DisputeStatusBadge status={dispute.status} />
              </Table.Td>
              <Table.Td>{canWrite && <DisputeTransitions dispute={dispute} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
