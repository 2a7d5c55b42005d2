import { Badge } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../../i18n/use-i18n";
import type { ImportStatus } from "./imports-api";

export const IMPORT_STATUS_COLORS: Record<ImportStatus, string> = {
  running: "yellow",
  succeeded: "green",
  failed: "red",
  dry_run: "blue",
  duplicate: "gray",
};

export function ImportStatusBadge({ status }: { status: ImportStatus }): ReactNode {
  const t = useT();
  return (
    <Badge variant="light" color={IMPORT_STATUS_COLORS[status]} radius="sm" data-testid="import-status">
      {t(`importStatus.${status}`)}
    </Badge>
  );
}
