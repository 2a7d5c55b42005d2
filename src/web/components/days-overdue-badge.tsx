import { Badge, type MantineColor, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../i18n/use-i18n";

/** Colour by age: green not due, orange 1–30 days, red 31–90, dark red beyond 90. */
export function daysOverdueColor(days: number): { color: MantineColor; variant: "light" | "filled" } {
  if (days <= 0) return { color: "green", variant: "light" };
  if (days <= 30) return { color: "orange", variant: "light" };
  if (days <= 90) return { color: "red", variant: "light" };
  return { color: "red.9", variant: "filled" };
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
    <Badge color={color} variant={variant} radius="sm" style={{ textTransform: "none" }}>
      {days <= 0 ? t("days.notDue") : t.plural("days.overdue", days)}
    </Badge>
  );
}
