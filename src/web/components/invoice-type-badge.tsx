import { Badge } from "@mantine/core";
import type { ReactNode } from "react";
import type { InvoiceListItem } from "../../domain/ledger/ledger.schemas";
import { useT } from "../i18n/use-i18n";

/** Credit notes stand out (violet) from invoices, which stay discreet. */
export function InvoiceTypeBadge({ type }: { type: InvoiceListItem["type"] }): ReactNode {
  const t = useT();
  const isCreditNote = type === "credit_note";
  return (
    <Badge
      variant={isCreditNote ? "filled" : "default"}
      color={isCreditNote ? "violet" : "gray"}
      radius="sm"
      data-testid={isCreditNote ? "credit-note-badge" : undefined}
    >
      {t(`invoiceType.${type}`)}
    </Badge>
  );
}
