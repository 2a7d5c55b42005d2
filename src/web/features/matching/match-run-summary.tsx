import { Alert, CloseButton, Group, Text } from "@mantine/core";
import { IconChecks } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { MatchRunResult } from "../../../domain/matching/matching.schemas";
import { formatNumber } from "../../format";
import { useI18n } from "../../i18n/use-i18n";

const COUNTS = ["matched", "suggested", "unapplied", "unmatched", "returned"] as const;

/** What a matching run did: lines looked at, matched, suggested, left as unapplied cash, unmatched, returned. */
export function MatchRunSummary({
  result,
  onClose,
}: {
  result: MatchRunResult;
  onClose?: () => void;
}): ReactNode {
  const { t, locale } = useI18n();
  return (
    <Alert
      color="teal"
      variant="light"
      icon={<IconChecks />}
      title={t.plural("matching.runResult.title", result.lines)}
      data-testid="match-run-result"
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="lg" wrap="wrap">
          {COUNTS.map((name) => (
            <Text size="sm" key={name} data-testid={`run-count-${name}`} data-count={result[name]}>
              {t(`matching.runResult.${name}`)} <strong>{formatNumber(result[name], locale)}</strong>
            </Text>
          ))}
        </Group>
        {onClose && <CloseButton size="sm" aria-label={t("common.close")} onClick={onClose} />}
      </Group>
    </Alert>
  );
}
