import { Badge, Tooltip } from "@mantine/core";
import type { ReactNode } from "react";
import type { PlannedAction } from "../../../domain/dunning/dunning.schemas";
import { useT } from "../../i18n/use-i18n";

const COLORS: Record<PlannedAction["status"], string> = {
  pending_review: "orange",
  planned: "blue",
  done: "green",
  skipped: "gray",
  cancelled: "gray",
};

/** To review, planned, done, skipped or cancelled; the status reason in a tooltip when there is one. */
export function ActionStatusBadge({
  action,
}: {
  action: Pick<PlannedAction, "status" | "statusReason">;
}): ReactNode {
  const t = useT();
  const badge = (
    <Badge variant="dot" color={COLORS[action.status]} radius="sm" data-status={action.status}>
      {t(`dunning.status.${action.status}`)}
    </Badge>
  );
  if (!action.statusReason) return badge;
  return <Tooltip label={action.statusReason}>{badge}</Tooltip>;
}
