import { Anchor, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { DISPUTE_AGES, type DisputeBreakdown } from "../../../domain/kpis/dashboard.schemas";
import { formatMoney } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { drillDown } from "./drill-down";
import type { DashboardParams } from "./kpis-api";

/** Disputes live on the snapshot's day, one row per reason, one column per age; counts lead to the disputes. */
export function DisputeBreakdownTable({
  data,
  params,
}: {
  data: DisputeBreakdown;
  params: DashboardParams;
}): ReactNode {
  const { t, locale } = useI18n();
  if (data.items.length === 0 || data.currency === null)
    return <Text c="dimmed">{t("kpis.disputes.empty")}</Text>;
  const reasons = [...new Set(data.items.map((d) => d.reason))];
  const cell = (reason: string, age: (typeof DISPUTE_AGES)[number]) =>
    data.items.find((d) => d.reason === reason && d.age === age);
  return (
    <Table data-testid="disputes-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("kpis.disputes.reason")}</Table.Th>
          {DISPUTE_AGES.map((age) => (
            <Table.Th key={age} ta="right">
              {t(`kpis.disputes.${age}`)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reasons.map((reason) => (
          <Table.Tr key={reason}>
            <Table.Td>{reason}</Table.Td>
            {DISPUTE_AGES.map((age) => {
              const found = cell(reason, age);
              return (
                <Table.Td key={age} ta="right">
                  {found ? (
                    <Anchor component={Link} to={drillDown.activeDisputes(params)} size="sm">
                      {t("kpis.disputes.cell", {
                        count: found.count,
                        amount: formatMoney(found.amount, data.currency ?? "EUR", locale),
                      })}
                    </Anchor>
                  ) : (
                    "—"
                  )}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
