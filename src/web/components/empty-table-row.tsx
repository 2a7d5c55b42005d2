import { EmptyState, Table } from "@mantine/core";
import { IconInbox } from "@tabler/icons-react";
import type { ReactNode } from "react";

/** The single row of a table that has nothing to show. */
export function EmptyTableRow(props: { columns: number; title: string; description?: string }): ReactNode {
  return (
    <Table.Tr>
      <Table.Td colSpan={props.columns}>
        <EmptyState
          py="xl"
          size="sm"
          icon={<IconInbox stroke={1.5} />}
          title={props.title}
          description={props.description}
        />
      </Table.Td>
    </Table.Tr>
  );
}
