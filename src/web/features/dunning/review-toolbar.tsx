import { Button, Group, Paper, Text, TextInput } from "@mantine/core";
import { IconCheck, IconPlayerSkipForward, IconX } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import type { ReviewDecision } from "../../../domain/dunning/dunning.schemas";
import { useT } from "../../i18n/use-i18n";

type ReviewToolbarProps = {
  count: number;
  isBusy: boolean;
  onDecide(decision: ReviewDecision["decision"], note: string | undefined): void;
  onClear(): void;
};

/** What to do with the ticked actions: approve them (they go out) or skip them, with an optional note. */
export function ReviewToolbar({ count, isBusy, onDecide, onClear }: ReviewToolbarProps): ReactNode {
  const t = useT();
  const [note, setNote] = useState("");
  const isEmpty = count === 0;
  const decide = (decision: ReviewDecision["decision"]): void => {
    onDecide(decision, note.trim() || undefined);
    setNote("");
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      pos="sticky"
      top={64}
      style={{ zIndex: 2 }}
      data-testid="review-toolbar"
    >
      <Group gap="sm" wrap="wrap" align="flex-end">
        <Text size="sm" fw={600} miw={140} aria-live="polite" data-testid="review-selected-count">
          {isEmpty ? t("dunning.review.noneSelected") : t.plural("dunning.review.selected", count)}
        </Text>
        <TextInput
          aria-label={t("dunning.review.note")}
          placeholder={t("dunning.review.notePlaceholder")}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={500}
          style={{ flex: "1 1 240px" }}
          disabled={isEmpty || isBusy}
          data-testid="review-note"
        />
        <Button
          leftSection={<IconCheck size={16} />}
          color="green"
          onClick={() => decide("approve")}
          disabled={isEmpty}
          loading={isBusy}
          data-testid="review-approve"
        >
          {t("dunning.review.approve")}
        </Button>
        <Button
          leftSection={<IconPlayerSkipForward size={16} />}
          variant="default"
          onClick={() => decide("skip")}
          disabled={isEmpty || isBusy}
          data-testid="review-skip"
        >
          {t("dunning.review.skip")}
        </Button>
        <Button
          leftSection={<IconX size={16} />}
          variant="subtle"
          color="gray"
          onClick={onClear}
          disabled={isEmpty || isBusy}
        >
          {t("dunning.review.clear")}
        </Button>
      </Group>
    </Paper>
  );
}
