import { Badge } from "@mantine/core";
import type { ReactNode } from "react";
import type { DisputeStatus, PromiseStatus } from "../../../domain/workbench/workbench.schemas";
import { useT } from "../../i18n/use-i18n";

const PROMISE_COLORS: Record<PromiseStatus, string> = {
  open: "blue",
  kept: "green",
  partly_kept: "orange",
  broken: "red",
  cancelled: "gray",
};

const DISPUTE_COLORS: Record<DisputeStatus, string> = {
  open: "orange",
  under_review: "yellow",
  resolved: "green",
  rejected: "red",
  closed: "gray",
};

export function PromiseStatusBadge({ status }: { status: PromiseStatus }): ReactNode {
  const t = useT();
  return (
    <Badge color={PROMISE_COLORS[status]} variant="light" radius="sm" data-status={status}>
      {t(`workbench.promise.status.${status}`)}
    </Badge>
  );
}

export function DisputeStatusBadge({ status }: { status: DisputeStatus }): ReactNode {
  const t = useT();
  return (
    <Badge color={DISPUTE_COLORS[status]} variant="light" radius="sm" data-status={status}>
      {t(`workbench.dispute.status.${status}`)}
    </Badge>
  );
}
