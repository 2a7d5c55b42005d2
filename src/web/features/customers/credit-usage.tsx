import { Progress, Stack, Text, Tooltip } from "@mantine/core";
import type { ReactNode } from "react";
import type { CustomerDetail } from "../../../domain/customers/customers.schemas";
import { Money } from "../../components/money";
import { formatMoney, formatPercent } from "../../format";
import { useI18n } from "../../i18n/use-i18n";

const WARNING_RATIO = 0.8;

/**
 * The credit limit and how much of it the open items use. The ratio is for the bar only (a float is
 * fine for a width); the amounts themselves are shown from their decimal strings.
 */
export function CreditUsage({ customer }: { customer: CustomerDetail }): ReactNode {
  const { t, locale } = useI18n();
  const limit = customer.creditLimit;
  if (limit === null) return t("common.none");

  const open = customer.totals.find((totals) => totals.currency === customer.currency)?.open ?? "0";
  const limitValue = Number(limit);
  if (!(limitValue > 0)) return <Money amount={limit} currency={customer.currency} />;

  const ratio = Math.max(0, Number(open) / limitValue);
  const color = ratio >= 1 ? "red" : ratio >= WARNING_RATIO ? "orange" : "teal";
  const label = t("customer.creditUsageValue", {
    open: formatMoney(open, customer.currency, locale),
    limit: formatMoney(limit, customer.currency, locale),
    percent: formatPercent(ratio, locale),
  });
  return (
    <Stack gap={4} data-testid="credit-usage">
      <Money amount={limit} currency={customer.currency} fw={600} />
      <Tooltip label={ratio >= 1 ? t("customer.creditExceeded") : t("customer.creditUsage")}>
        <Progress value={Math.min(100, ratio * 100)} color={color} size="md" radius="xl" aria-label={label} />
      </Tooltip>
      <Text size="xs" c={ratio >= 1 ? "red" : "dimmed"}>
        {label}
      </Text>
    </Stack>
  );
}
