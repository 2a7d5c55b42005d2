import { Text, type TextProps } from "@mantine/core";
import type { ReactNode } from "react";
import { formatMoney, isPositiveAmount } from "../format";
import { useLocale } from "../i18n/use-i18n";

type MoneyProps = TextProps & {
  /** Decimal string in major units, e.g. "1234.56". */
  amount: string;
  currency: string;
  /** Shows the amount in red when it is above zero (overdue amounts). */
  alertWhenPositive?: boolean;
};

export function Money({ amount, currency, alertWhenPositive = false, ...textProps }: MoneyProps): ReactNode {
  const locale = useLocale();
  const isAlert = alertWhenPositive && isPositiveAmount(amount);
  return (
    <Text
      component="span"
      inherit
      c={isAlert ? "red" : undefined}
      fw={isAlert ? 600 : undefined}
      style={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}
      {...textProps}
    >
      {formatMoney(amount, currency, locale)}
    </Text>
  );
}
