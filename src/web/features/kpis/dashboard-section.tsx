import { Card, Group, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { ExportButton } from "../../components/export-button";
import { useI18n } from "../../i18n/use-i18n";
import { type DashboardParams, type ExportTable, exportUrl } from "./kpis-api";

type DashboardSectionProps = {
  title: string;
  /** The table this section exports, if any. */
  table?: ExportTable;
  params: DashboardParams;
  children: ReactNode;
};

/** A titled card of the dashboard, with its CSV/XLSX export. */
export function DashboardSection({ title, table, params, children }: DashboardSectionProps): ReactNode {
  const { language } = useI18n();
  return (
    <Card withBorder data-testid={table ? `section-${table}` : undefined}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        {table ? (
          <ExportButton
            urls={{
              csv: exportUrl(table, "csv", language, params),
              xlsx: exportUrl(table, "xlsx", language, params),
            }}
            data-testid={`export-${table}`}
          />
        ) : null}
      </Group>
      {children}
    </Card>
  );
}
