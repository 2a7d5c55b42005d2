import { Paper, ScrollArea, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../../i18n/use-i18n";

type PreviewTableProps = {
  header: readonly string[];
  /** A null cell could not be read (shown in red). */
  rows: readonly (readonly (string | null)[])[];
  "data-testid"?: string;
};

/** A few rows of a file, small and scrollable both ways: the editor's sample and its reading. */
export function PreviewTable({ header, rows, "data-testid": testId }: PreviewTableProps): ReactNode {
  const t = useT();
  return (
    <Paper withBorder radius="sm" style={{ overflow: "hidden" }}>
      <ScrollArea.Autosize mah={220} type="auto">
        <Table
          fz="xs"
          verticalSpacing={4}
          horizontalSpacing="xs"
          striped
          withColumnBorders
          data-testid={testId}
        >
          <Table.Thead>
            <Table.Tr>
              {header.map((name, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a file may repeat a header; columns never reorder
                <Table.Th key={index} style={{ whiteSpace: "nowrap" }}>
                  {name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, rowIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the rows of a sample have no identity and never reorder
              <Table.Tr key={rowIndex}>
                {header.map((_, index) => {
                  const value = row[index];
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: see the header
                    <Table.Td key={index} style={{ whiteSpace: "nowrap" }}>
                      {value === null ? (
                        <Text span c="red" fz="xs" fw={600}>
                          {t("mapping.unreadable")}
                        </Text>
                      ) : (
                        value
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Paper>
  );
}
