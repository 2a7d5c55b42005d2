import { Badge, Tooltip } from "@mantine/core";
import type { ReactNode } from "react";
import type { InvoiceListItem } from "../../domain/ledger/ledger.schemas";
import { useT } from "../i18n/use-i18n";

const COLORS = { open: "blue", paid: "green", closed: "gray" } as const;

/** Open / paid / closed; a closed item tells why when the reason is known. */
export function InvoiceStatusBadge({
  item,
}: {
  item: Pick<InvoiceListItem, "status" | "closedReason">;
}): ReactNode {
  const t = useT();
  const badge = (
    <Badge variant="dot" color={COLORS[item.status]} radius="sm">
      {t(`invoiceStatus.${item.status}`)}
    </Badge>
  );
  if (!item.closedReason) return badge;
  return <Tooltip label={t.optional("closedReason.", item.closedReason)}>{badge}</Tooltip>;
}
