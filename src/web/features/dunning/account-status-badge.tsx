import { Badge } from "@mantine/core";
import type { ReactNode } from "react";
import type { CustomerDunning } from "../../../domain/dunning/dunning.schemas";
import { useT } from "../../i18n/use-i18n";

const COLORS: Record<CustomerDunning["accountStatus"], string> = {
  normal: "green",
  credit_hold: "orange",
  litigation: "red",
};

/** Normal, credit hold or litigation: the status dunning steps may set on the account. */
export function AccountStatusBadge({ status }: { status: CustomerDunning["accountStatus"] }): ReactNode {
  const t = useT();
  return (
    <Badge
      color={COLORS[status]}
      variant="light"
      radius="sm"
      data-testid="account-status"
      data-status={status}
    >
      {t(`dunning.accountStatus.${status}`)}
    </Badge>
  );
}
