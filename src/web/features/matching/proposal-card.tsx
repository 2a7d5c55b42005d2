import { Anchor, Button, Group, Kbd, List, Paper, Stack, Text } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Proposal } from "../../../domain/matching/matching.schemas";
import { useI18n } from "../../i18n/use-i18n";
import { AllocationsTable } from "./allocations-table";
import { describeReason } from "./describe-reason";
import { ScoreBadge } from "./line-badges";

type ProposalCardProps = {
  proposal: Proposal;
  /** Position on screen, 0-based: keys 1–5 accept the first five. */
  position: number;
  currency: string;
  canAccept: boolean;
  isBusy: boolean;
  onAccept(): void;
};

/** One ranked candidate: who, which items, what is written off or left unapplied, and why. */
export function ProposalCard({
  proposal,
  position,
  currency,
  canAccept,
  isBusy,
  onAccept,
}: ProposalCardProps): ReactNode {
  const { t, locale } = useI18n();
  const shortcut = position < 5 ? String(position + 1) : null;
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="proposal" data-rank={proposal.rank}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <ScoreBadge score={proposal.score} />
              <Anchor component={Link} to={`/customers/${proposal.customer.id}`} fw={600} truncate="end">
                {proposal.customer.name}
              </Anchor>
            </Group>
            <Text size="xs" c="dimmed">
              {proposal.customer.externalRef} · {t.optional("matching.rule.", proposal.rule)}
            </Text>
          </Stack>
          {canAccept && (
            <Button
              size="xs"
              leftSection={<IconCheck size={14} />}
              rightSection={shortcut ? <Kbd size="xs">{shortcut}</Kbd> : null}
              onClick={onAccept}
              loading={isBusy}
              aria-keyshortcuts={shortcut ?? undefined}
              data-testid="proposal-accept"
              style={{ flexShrink: 0 }}
            >
              {t("matching.accept")}
            </Button>
          )}
        </Group>
        {proposal.allocations.length > 0 || proposal.writeOff ? (
          <AllocationsTable
            allocations={proposal.allocations}
            writeOff={proposal.writeOff}
            unapplied={proposal.unapplied}
            currency={currency}
          />
        ) : (
          <Text size="sm" data-testid="proposal-unapplied-only">
            {t("matching.proposalUnappliedOnly")}
          </Text>
        )}
        {proposal.reasons.length > 0 && (
          <List size="sm" spacing={2} c="dimmed" aria-label={t("matching.reasons")} data-testid="reasons">
            {proposal.reasons.map((reason, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same code may come twice with other values; the list never reorders
              <List.Item key={index} data-code={reason.code}>
                {describeReason(reason, t, currency, locale)}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
