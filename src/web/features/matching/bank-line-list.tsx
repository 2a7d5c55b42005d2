import { Box, Group, Paper, Skeleton, Stack, Text, UnstyledButton } from "@mantine/core";
import { type ReactNode, useEffect, useRef } from "react";
import type { BankLineItem } from "../../../domain/matching/matching.schemas";
import { Money } from "../../components/money";
import { formatDate } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { LineStatusBadge, ScoreBadge } from "./line-badges";

type BankLineListProps = {
  lines: readonly BankLineItem[] | undefined;
  selectedId: number | null;
  onSelect(id: number): void;
};

/**
 * The bank lines to work, one row each (date, amount, payer, remittance, status, best score). A
 * listbox: Tab reaches it, j/k or ↓/↑ move the selection anywhere on the page.
 */
export function BankLineList({ lines, selectedId, onSelect }: BankLineListProps): ReactNode {
  const { t, locale } = useI18n();
  const selectedRow = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // The selection moved by keyboard: keep it in view without stealing the focus.
    if (selectedId !== null) selectedRow.current?.scrollIntoView({ block: "nearest" });
  }, [selectedId]);

  if (!lines) {
    return (
      <Stack gap="xs">
        {[0, 1, 2, 3, 4].map((index) => (
          <Skeleton key={index} height={64} radius="sm" />
        ))}
      </Stack>
    );
  }
  if (lines.length === 0) {
    return (
      <Paper withBorder p="lg" radius="sm" data-testid="lines-empty">
        <Text fw={600}>{t("matching.lines.empty")}</Text>
        <Text size="sm" c="dimmed">
          {t("matching.lines.emptyHint")}
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap={6} role="listbox" aria-label={t("matching.lines.label")} data-testid="bank-lines">
      {lines.map((line) => {
        const isSelected = line.id === selectedId;
        return (
          <UnstyledButton
            key={line.id}
            ref={isSelected ? selectedRow : undefined}
            role="option"
            aria-selected={isSelected}
            onClick={() => onSelect(line.id)}
            className="matching-line"
            data-testid="bank-line"
            data-line-id={line.id}
            data-status={line.status}
            data-selected={isSelected || undefined}
            style={{
              display: "block",
              padding: "8px 10px",
              borderRadius: "var(--mantine-radius-sm)",
              border: `1px solid ${isSelected ? "var(--mantine-primary-color-filled)" : "var(--mantine-color-gray-3)"}`,
              background: isSelected ? "var(--mantine-primary-color-light)" : "var(--mantine-color-body)",
              boxShadow: isSelected ? "inset 3px 0 0 var(--mantine-primary-color-filled)" : undefined,
            }}
          >
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                {formatDate(line.bookingDate, locale)}
              </Text>
              <Money amount={line.amount} currency={line.currency} fw={600} data-testid="line-amount" />
            </Group>
            <Group justify="space-between" gap="xs" wrap="nowrap" mt={2}>
              <Text size="sm" fw={500} truncate="end" data-testid="line-payer">
                {line.counterpartyName ?? t("matching.line.unknownPayer")}
              </Text>
              <Group gap={4} wrap="nowrap">
                <ScoreBadge score={line.score} />
                <LineStatusBadge status={line.status} />
              </Group>
            </Group>
            <Box>
              <Text size="xs" c="dimmed" truncate="end">
                {line.structuredReference ?? line.remittanceText ?? t("matching.line.noRemittance")}
              </Text>
            </Box>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}
