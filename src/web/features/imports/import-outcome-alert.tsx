import { Alert } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCopy, IconFlask, IconLoader } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useT } from "../../i18n/use-i18n";
import { IMPORT_STATUS_COLORS } from "./import-status-badge";
import type { ImportStatus } from "./imports-api";

const ICONS = {
  running: IconLoader,
  succeeded: IconCheck,
  failed: IconAlertTriangle,
  dry_run: IconFlask,
  duplicate: IconCopy,
} as const;

/** The banner that says at a glance what became of a file: imported, simulated, rejected or already there. */
export function ImportOutcomeAlert({
  status,
  errorCount,
}: {
  status: ImportStatus;
  errorCount: number;
}): ReactNode {
  const t = useT();
  const Icon = ICONS[status];
  const text =
    status === "failed" ? t.plural("importOutcome.failedText", errorCount) : t(`importOutcome.${status}Text`);
  return (
    <Alert
      color={IMPORT_STATUS_COLORS[status]}
      icon={<Icon />}
      title={t(`importOutcome.${status}`)}
      variant="light"
      data-testid="import-outcome"
      data-status={status}
    >
      {text}
    </Alert>
  );
}
