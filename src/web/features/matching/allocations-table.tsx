import { Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { Proposal } from "../../../domain/matching/matching.schemas";
import { Money } from "../../components/money";
import { formatDate } from "../../format";
import { useI18n } from "../../i18n/use-i18n";

type AllocationsTableProps = {
  allocations: Proposal["allocations"];
  writeOff: Proposal["writeOff"];
  unapplied: string;
  currency: string;
};

/** The items a proposal or a match settles: number, due date, open amount, amount allocated. */
export function AllocationsTable({
  allocations,
  writeOff,
  unapplied,
  currency,
}: AllocationsTableProps): ReactNode {
  const { t, locale } = useI18n();
  const hasUnapplied = /[1-9]/.test(unapplied);
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing={4} fz="sm" data-testid="allocations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("matching.item.number")}</Table.Th>
            <Table.Th>{t("matching.item.dueDate")}</Table.Th>
            <Table.Th ta="right">{t("matching.item.open")}</Table.Th>
            <Table.Th ta="right">{t("matching.item.allocated")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {allocations.map((allocation) => (
            <Table.Tr key={allocation.invoiceId} data-testid="allocation-row">
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {allocation.number}
                {allocation.type === "credit_note" && (
                  <Text component="span" size="xs" c="dimmed" ml={6}>
                    {t("matching.item.creditNote")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatDate(allocation.dueDate, locale)}</Table.Td>
              <Table.Td ta="right">
                <Money amount={allocation.openAmount} currency={currency} />
              </Table.Td>
              <Table.Td ta="right">
                <Money amount={allocation.amount} currency={currency} fw={600} />
              </Table.Td>
            </Table.Tr>
          ))}
          {writeOff && (
            <Table.Tr data-testid="write-off-row">
              <Table.Td colSpan={3}>
                {t("matching.writeOffOn", {
                  number: writeOff.number,
                  reason: t.optional("matching.writeOffReason.", writeOff.reason),
                })}
              </Table.Td>
              <Table.Td ta="right">
                <Money amount={writeOff.amount} currency={currency} c="orange.8" />
              </Table.Td>
            </Table.Tr>
          )}
          {hasUnapplied && (
            <Table.Tr data-testid="unapplied-row">
              <Table.Td colSpan={3}>{t("matching.unappliedRest")}</Table.Td>
              <Table.Td ta="right">
                <Money amount={unapplied} currency={currency} c="yellow.9" />
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
