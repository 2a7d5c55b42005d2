import { Alert, Button, Code, Group, Kbd, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconArrowBackUp, IconEyeOff, IconInfoCircle, IconListCheck } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { BankLineDetail } from "../../../domain/matching/matching.schemas";
import { Money } from "../../components/money";
import { formatDate } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { AppliedMatchCard } from "./applied-match-card";
import { LineStatusBadge } from "./line-badges";
import { ProposalCard } from "./proposal-card";

type LineDetailProps = {
  line: BankLineDetail;
  canMatch: boolean;
  isBusy: boolean;
  onAccept(rank: number): void;
  onManual(): void;
  onIgnore(): void;
  onRestore(): void;
  onUndo(matchId: number): void;
};

/** Statuses whose line can still be matched (accepted, matched by hand or ignored). */
export const OPEN_STATUSES = new Set(["unmatched", "suggested"]);

function Field({ label, children }: { label: string; children: ReactNode }): ReactNode {
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ wordBreak: "break-word" }}>
        {children}
      </Text>
    </Stack>
  );
}

/** The selected line: what the bank says, the matches applied to it, and its ranked candidates. */
export function LineDetail(props: LineDetailProps): ReactNode {
  const { line, canMatch, isBusy } = props;
  const { t, locale } = useI18n();
  const isOpen = OPEN_STATUSES.has(line.status);
  const none = t("common.none");
  const activeMatches = line.matches.filter((match) => match.undoneAt === null);
  return (
    <Stack gap="md" data-testid="line-detail" data-line-id={line.id} data-status={line.status}>
      <Paper withBorder radius="sm" p="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Title order={2} size="h3">
                <Money amount={line.amount} currency={line.currency} />
              </Title>
              <Text size="sm" c="dimmed">
                {t("matching.line.booked", { date: formatDate(line.bookingDate, locale) })}
                {line.valueDate &&
                  ` · ${t("matching.line.value", { date: formatDate(line.valueDate, locale) })}`}
              </Text>
            </Stack>
            <LineStatusBadge status={line.status} />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
            <Field label={t("matching.line.payer")}>
              {line.counterpartyName ?? t("matching.line.unknownPayer")}
            </Field>
            <Field label={t("matching.line.payerIban")}>{line.counterpartyIban ?? none}</Field>
            <Field label={t("matching.line.reference")}>
              {line.structuredReference ? <Code>{line.structuredReference}</Code> : none}
            </Field>
            <Field label={t("matching.line.account")}>{line.accountIban ?? none}</Field>
          </SimpleGrid>
          <Field label={t("matching.line.remittance")}>
            <span data-testid="line-remittance">
              {line.remittanceText ?? t("matching.line.noRemittance")}
            </span>
          </Field>
          {(line.bankReference || line.endToEndId) && (
            <Text size="xs" c="dimmed">
              {[
                line.bankReference && t("matching.line.bankReference", { reference: line.bankReference }),
                line.endToEndId && t("matching.line.endToEnd", { reference: line.endToEndId }),
              ]
                .filter(Boolean)
                .join(" · ")}
            </Text>
          )}
          {line.isReversal && (
            <Alert color="red" variant="light" icon={<IconInfoCircle />} data-testid="line-reversal">
              {line.returnReason
                ? t("matching.line.reversalWithReason", { reason: line.returnReason })
                : t("matching.line.reversal")}
            </Alert>
          )}
          {canMatch && (
            <Group gap="xs">
              {isOpen && (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconListCheck size={14} />}
                  rightSection={<Kbd size="xs">s</Kbd>}
                  onClick={props.onManual}
                  aria-keyshortcuts="s"
                  data-testid="line-manual"
                >
                  {t("matching.manual.open")}
                </Button>
              )}
              {isOpen && (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconEyeOff size={14} />}
                  rightSection={<Kbd size="xs">i</Kbd>}
                  onClick={props.onIgnore}
                  aria-keyshortcuts="i"
                  data-testid="line-ignore"
                >
                  {t("matching.ignore.open")}
                </Button>
              )}
              {line.status === "ignored" && (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconArrowBackUp size={14} />}
                  onClick={props.onRestore}
                  loading={isBusy}
                  data-testid="line-restore"
                >
                  {t("matching.restore")}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </Paper>

      {line.matches.length > 0 && (
        <Stack gap="xs" data-testid="applied-matches">
          <Title order={3} size="h5">
            {t.plural("matching.matches.title", activeMatches.length)}
          </Title>
          {line.matches.map((match) => (
            <AppliedMatchCard
              key={match.id}
              match={match}
              currency={line.currency}
              canUndo={canMatch}
              onUndo={() => props.onUndo(match.id)}
            />
          ))}
        </Stack>
      )}

      {isOpen && (
        <Stack gap="xs" data-testid="proposals">
          <Title order={3} size="h5">
            {t("matching.proposals.title")}
          </Title>
          {line.proposals.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="proposals-empty">
              {t(canMatch ? "matching.proposals.emptyHint" : "matching.proposals.empty")}
            </Text>
          ) : (
            line.proposals.map((proposal, position) => (
              <ProposalCard
                key={proposal.rank}
                proposal={proposal}
                position={position}
                currency={line.currency}
                canAccept={canMatch}
                isBusy={isBusy}
                onAccept={() => props.onAccept(proposal.rank)}
              />
            ))
          )}
        </Stack>
      )}
    </Stack>
  );
}
