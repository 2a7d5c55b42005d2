import { Table } from "@mantine/core";
import type { ReactNode } from "react";
import type { InvoiceListItem } from "../../domain/ledger/ledger.schemas";
import { DateText } from "./date-text";
import { DaysOverdueBadge, daysOverdueOfItem } from "./days-overdue-badge";
import { InvoiceTypeBadge } from "./invoice-type-badge";
import { Money } from "./money";

/** The cells every table of open items shows alike: type, dates, amounts and days overdue. */
export function InvoiceItemCells({ item }: { item: InvoiceListItem }): ReactNode {
  return (
    <>
      <Table.Td>
        <InvoiceTypeBadge type={item.type} />
      </Table.Td>
      <Table.Td>
        <DateText value={item.issueDate} />
      </Table.Td>
      <Table.Td>
        <DateText value={item.dueDate} />
      </Table.Td>
      <Table.Td ta="right">
        <Money amount={item.amount} currency={item.currency} />
      </Table.Td>
      <Table.Td ta="right">
        <Money amount={item.openAmount} currency={item.currency} fw={600} />
      </Table.Td>
      <Table.Td>
        <DaysOverdueBadge days={daysOverdueOfItem(item)} />
      </Table.Td>
    </>
  );
}
