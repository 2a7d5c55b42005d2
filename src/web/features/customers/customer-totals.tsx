import { Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { CurrencyTotals } from "../../../domain/customers/customers.schemas";
import { Money } from "../../components/money";
import { useT } from "../../i18n/use-i18n";

function StatTile(props: {
  label: string;
  amount: string;
  currency: string;
  hint?: string;
  isAlert?: boolean;
}) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap={4}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: "0.03em" }}>
          {props.label}
        </Text>
        <Money
          amount={props.amount}
          currency={props.currency}
          fz="xl"
          fw={700}
          alertWhenPositive={props.isAlert}
        />
        <Text size="xs" c="dimmed" mih={18}>
          {props.hint}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Open, overdue, not due, unapplied cash and disputed, one row of tiles per currency (never summed across). */
export function CustomerTotals({ totals }: { totals: CurrencyTotals[] }): ReactNode {
  const t = useT();
  if (totals.length === 0) {
    return (
      <Paper withBorder radius="md" p="md">
        <Text c="dimmed" size="sm">
          {t("customer.noTotals")}
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="sm" data-testid="customer-totals">
      {totals.map((row) => (
        <Stack key={row.currency} gap={6}>
          {totals.length > 1 && (
            <Text size="sm" fw={700}>
              {row.currency}
            </Text>
          )}
          <SimpleGrid cols={{ base: 2, md: 5 }} spacing="md">
            <StatTile
              label={t("customer.totals.open")}
              amount={row.open}
              currency={row.currency}
              hint={t.plural("customer.totals.openCount", row.openCount)}
            />
            <StatTile
              label={t("customer.totals.overdue")}
              amount={row.overdue}
              currency={row.currency}
              hint={t.plural("customer.totals.overdueCount", row.overdueCount)}
              isAlert
            />
            <StatTile label={t("customer.totals.notDue")} amount={row.notDue} currency={row.currency} />
            <StatTile label={t("customer.totals.unapplied")} amount={row.unapplied} currency={row.currency} />
            <StatTile label={t("customer.totals.disputed")} amount={row.disputed} currency={row.currency} />
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}
