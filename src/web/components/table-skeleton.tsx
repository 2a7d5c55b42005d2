import { Skeleton, Table } from "@mantine/core";
import type { ReactNode } from "react";

/** Placeholder rows while a table loads. */
export function TableSkeleton({ columns, rows = 8 }: { columns: number; rows?: number }): ReactNode {
  return Array.from({ length: rows }, (_, row) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows never reorder
    <Table.Tr key={row} aria-hidden>
      {Array.from({ length: columns }, (_, column) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder cells never reorder
        <Table.Td key={column}>
          <Skeleton height={14} radius="sm" />
        </Table.Td>
      ))}
    </Table.Tr>
  ));
}
