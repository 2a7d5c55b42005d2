import { Badge, type MantineColor, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { InvoiceListItem } from "../../domain/ledger/ledger.schemas";
import { useT } from "../i18n/use-i18n";

/** Colour by age: green not due, orange 1–30 days, red 31–90, dark red beyond 90. */
export function daysOverdueColor(days: number): { color: MantineColor; variant: "light" | "filled" } {
  if (days <= 0) return { color: "green", variant: "light" };
  if (days <= 30) return { color: "orange", variant: "light" };
  if (days <= 90) return { color: "red", variant: "light" };
  return { color: "red.9", variant: "filled" };
}

/** Only open invoices age; a credit note is owed to the customer and is never chased. */
export function daysOverdueOfItem(
  item: Pick<InvoiceListItem, "status" | "type" | "daysOverdue">,
): number | null {
  return item.status === "open" && item.type === "invoice" ? item.daysOverdue : null;
}

/** `days` ≤ 0 means not due yet; null means nothing to age (no open item), shown as a dash. */
export function DaysOverdueBadge({ days }: { days: number | null }): ReactNode {
  const t = useT();
  if (days === null) {
    return (
      <Text component="span" c="dimmed">
        {t("common.none")}
      </Text>
    );
  }
  const { color, variant } = daysOverdueColor(days);
  return (
    <Badge color={color} variant={variant} radius="sm">
      {days <= 0 ? t("days.notDue") : t.plural("days.overdue", days)}
    </Badge>
  );
}
