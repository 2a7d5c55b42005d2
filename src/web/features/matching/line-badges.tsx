import { Badge, type MantineColor } from "@mantine/core";
import type { ReactNode } from "react";
import type { BankLineStatus } from "../../../domain/matching/matching.schemas";
import { useT } from "../../i18n/use-i18n";

export const LINE_STATUS_COLORS: Record<BankLineStatus, MantineColor> = {
  unmatched: "gray",
  suggested: "blue",
  matched: "green",
  unapplied: "yellow",
  ignored: "dark",
  returned: "red",
};

export function LineStatusBadge({ status }: { status: BankLineStatus }): ReactNode {
  const t = useT();
  return (
    <Badge color={LINE_STATUS_COLORS[status]} variant="light" data-testid="line-status" data-status={status}>
      {t(`matching.status.${status}`)}
    </Badge>
  );
}

/** Green from 90, teal from 75, orange from 50, red below: the confidence at a glance. */
export function scoreColor(score: number): MantineColor {
  if (score >= 90) return "green";
  if (score >= 75) return "teal";
  if (score >= 50) return "orange";
  return "red";
}

export function ScoreBadge({ score }: { score: number | null }): ReactNode {
  const t = useT();
  if (score === null) return null;
  return (
    <Badge
      color={scoreColor(score)}
      variant="filled"
      aria-label={t("matching.scoreLabel", { score })}
      style={{ fontVariantNumeric: "tabular-nums" }}
      data-testid="score-badge"
    >
      {score}
    </Badge>
  );
}
