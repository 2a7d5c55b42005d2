import { Anchor, Badge, Button, Group, Kbd, Paper, Stack, Text } from "@mantine/core";
import { IconArrowBackUp } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { AppliedMatch } from "../../../domain/matching/matching.schemas";
import { Money } from "../../components/money";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { AllocationsTable } from "./allocations-table";
import { ScoreBadge } from "./line-badges";

type AppliedMatchCardProps = {
  match: AppliedMatch;
  currency: string;
  canUndo: boolean;
  onUndo(): void;
};

/** A match applied to the line (automatically or by someone), and its undo, or who undid it and when. */
export function AppliedMatchCard({ match, currency, canUndo, onUndo }: AppliedMatchCardProps): ReactNode {
  const { t, locale } = useI18n();
  const isUndone = match.undoneAt !== null;
  const appliedAt = formatDateTime(match.appliedAt, locale);
  // Money kept on the customer without settling any item.
  const isUnappliedOnly = match.allocations.length === 0 && match.writeOff === null;
  return (
    <Paper
      withBorder
      radius="sm"
      p="sm"
      style={{ opacity: isUndone ? 0.65 : 1 }}
      data-testid="applied-match"
      data-undone={isUndone || undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <ScoreBadge score={match.score} />
              <Anchor component={Link} to={`/customers/${match.customer.id}`} fw={600} truncate="end">
                {match.customer.name}
              </Anchor>
              {isUndone && (
                <Badge color="gray" variant="outline">
                  {t("matching.match.undone")}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed" data-testid="applied-by">
              {match.appliedBy
                ? t(isUnappliedOnly ? "matching.match.keptBy" : "matching.match.appliedBy", {
                    name: match.appliedBy,
                    at: appliedAt,
                  })
                : t(isUnappliedOnly ? "matching.match.keptAuto" : "matching.match.appliedAuto", {
                    at: appliedAt,
                  })}
              {" · "}
              {t.optional("matching.rule.", match.rule)}
            </Text>
            {isUndone && match.undoneAt && (
              <Text size="xs" c="dimmed" data-testid="undone-by">
                {t("matching.match.undoneBy", {
                  name: match.undoneBy ?? t("matching.match.someone"),
                  at: formatDateTime(match.undoneAt, locale),
                })}
              </Text>
            )}
          </Stack>
          {!isUndone && canUndo && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowBackUp size={14} />}
              rightSection={<Kbd size="xs">u</Kbd>}
              onClick={onUndo}
              aria-keyshortcuts="u"
              data-testid="match-undo"
              style={{ flexShrink: 0 }}
            >
              {t("matching.undo")}
            </Button>
          )}
        </Group>
        {isUnappliedOnly ? (
          <Text size="sm" data-testid="applied-unapplied-only">
            {t("matching.match.unappliedOnly")}{" "}
            <Money amount={match.unapplied} currency={currency} fw={600} />
          </Text>
        ) : (
          <AllocationsTable
            allocations={match.allocations}
            writeOff={match.writeOff}
            unapplied={match.unapplied}
            currency={currency}
          />
        )}
      </Stack>
    </Paper>
  );
}
