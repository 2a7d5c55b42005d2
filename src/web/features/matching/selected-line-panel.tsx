import { Paper, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { QueryError } from "../../components/query-error";
import { useT } from "../../i18n/use-i18n";
import { LineDetail, OPEN_STATUSES } from "./line-detail";
import { ManualMatchModal } from "./manual-match-modal";
import { bankLineQuery, matchingSettingsQuery } from "./matching-api";
import { ReasonModal } from "./reason-modal";
import { useLineAction } from "./use-matching-actions";
import { useMatchingKeys } from "./use-matching-keys";

type SelectedLinePanelProps = {
  lineId: number | null;
  canMatch: boolean;
  /** Off while a dialog of the page is open. */
  areKeysOn: boolean;
  onNext(): void;
  onPrevious(): void;
  onFocusSearch(): void;
};

type Dialog = { kind: "manual" } | { kind: "ignore" } | { kind: "undo"; matchId: number } | null;

const IGNORE_SUGGESTIONS = [
  "matching.ignore.internal",
  "matching.ignore.notCustomer",
  "matching.ignore.duplicate",
] as const;

/** The selected line with its candidates, its dialogs (manual match, ignore, undo) and the keyboard. */
export function SelectedLinePanel(props: SelectedLinePanelProps): ReactNode {
  const t = useT();
  const { lineId, canMatch } = props;
  const query = useQuery({ ...bankLineQuery(lineId ?? 0), enabled: lineId !== null });
  const line = lineId !== null ? query.data : undefined;
  const [dialog, setDialog] = useState<Dialog>(null);
  const settings = useQuery({
    ...matchingSettingsQuery(line?.companyId ?? 0),
    enabled: dialog?.kind === "manual" && line !== undefined,
    retry: false,
  });
  const action = useLineAction(() => setDialog(null));
  const isOpen = line !== undefined && OPEN_STATUSES.has(line.status);
  const activeMatch = line?.matches.find((match) => match.undoneAt === null);

  const accept = (position: number): void => {
    const proposal = line?.proposals[position];
    if (!line || !proposal || !isOpen || !canMatch || action.isPending) return;
    action.mutate({ kind: "accept", lineId: line.id, rank: proposal.rank });
  };
  useMatchingKeys(
    {
      next: props.onNext,
      previous: props.onPrevious,
      accept,
      manual: () => {
        if (isOpen && canMatch) setDialog({ kind: "manual" });
      },
      ignore: () => {
        if (isOpen && canMatch) setDialog({ kind: "ignore" });
      },
      undo: () => {
        if (activeMatch && canMatch) setDialog({ kind: "undo", matchId: activeMatch.id });
      },
      focusSearch: props.onFocusSearch,
    },
    props.areKeysOn && dialog === null,
  );

  let content: ReactNode;
  if (lineId === null) {
    content = (
      <Paper withBorder radius="sm" p="lg" data-testid="line-detail-none">
        <Text c="dimmed">{t("matching.detail.none")}</Text>
      </Paper>
    );
  } else if (query.isError) {
    content = <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  } else if (!line) {
    content = (
      <Stack gap="sm">
        <Skeleton height={160} radius="sm" />
        <Skeleton height={220} radius="sm" />
      </Stack>
    );
  } else {
    content = (
      <LineDetail
        line={line}
        canMatch={canMatch}
        isBusy={action.isPending}
        onAccept={(rank) => action.mutate({ kind: "accept", lineId: line.id, rank })}
        onManual={() => setDialog({ kind: "manual" })}
        onIgnore={() => setDialog({ kind: "ignore" })}
        onRestore={() => action.mutate({ kind: "restore", lineId: line.id })}
        onUndo={(matchId) => setDialog({ kind: "undo", matchId })}
      />
    );
  }

  return (
    <section aria-label={t("matching.detail.label")}>
      {content}
      <ManualMatchModal
        line={line ?? null}
        opened={dialog?.kind === "manual"}
        tolerance={settings.data?.writeOffTolerance}
        isBusy={action.isPending}
        onSubmit={(body) => line && action.mutate({ kind: "match", lineId: line.id, body })}
        onClose={() => setDialog(null)}
      />
      <ReasonModal
        opened={dialog?.kind === "ignore"}
        title={t("matching.ignore.title")}
        text={t("matching.ignore.text")}
        confirmLabel={t("matching.ignore.confirm")}
        isReasonRequired
        suggestions={IGNORE_SUGGESTIONS.map((key) => t(key))}
        color="gray"
        isBusy={action.isPending}
        onConfirm={(reason) => line && action.mutate({ kind: "ignore", lineId: line.id, reason })}
        onClose={() => setDialog(null)}
        testId="ignore-dialog"
      />
      <ReasonModal
        opened={dialog?.kind === "undo"}
        title={t("matching.undoDialog.title")}
        text={t("matching.undoDialog.text")}
        confirmLabel={t("matching.undoDialog.confirm")}
        isReasonRequired={false}
        color="red"
        isBusy={action.isPending}
        onConfirm={(reason) =>
          line &&
          dialog?.kind === "undo" &&
          action.mutate({
            kind: "undo",
            lineId: line.id,
            matchId: dialog.matchId,
            reason: reason || undefined,
          })
        }
        onClose={() => setDialog(null)}
        testId="undo-dialog"
      />
    </section>
  );
}
