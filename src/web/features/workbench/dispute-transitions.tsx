import { Button, Group, Popover, Stack, Textarea } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import type { Dispute, DisputeStatus } from "../../../domain/workbench/workbench.schemas";
import { useT } from "../../i18n/use-i18n";
import { issueOf, useTransitionDispute } from "./use-workbench-mutations";

const COLORS: Record<DisputeStatus, string> = {
  open: "orange",
  under_review: "yellow",
  resolved: "green",
  rejected: "red",
  closed: "gray",
};

/** Resolving or rejecting says how (the resolution note); the other steps are one click. */
const NEEDS_NOTE: readonly DisputeStatus[] = ["resolved", "rejected"];

/** The next steps of a dispute's workflow, as buttons. */
export function DisputeTransitions({ dispute }: { dispute: Dispute }): ReactNode {
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {dispute.allowedTransitions.map((to) =>
        NEEDS_NOTE.includes(to) ? (
          <NoteTransition key={to} dispute={dispute} to={to} />
        ) : (
          <PlainTransition key={to} dispute={dispute} to={to} />
        ),
      )}
    </Group>
  );
}

type TransitionProps = { dispute: Dispute; to: DisputeStatus };

function PlainTransition({ dispute, to }: TransitionProps): ReactNode {
  const t = useT();
  const transition = useTransitionDispute();
  return (
    <Button
      size="compact-xs"
      variant="light"
      color={COLORS[to]}
      onClick={() => transition.mutate({ id: dispute.id, to })}
      loading={transition.isPending}
      aria-label={t("workbench.dispute.moveLabel", {
        action: t(`workbench.dispute.to.${to}`),
        number: dispute.invoice.number,
      })}
      data-testid={`dispute-to-${to}`}
    >
      {t(`workbench.dispute.to.${to}`)}
    </Button>
  );
}

function NoteTransition({ dispute, to }: TransitionProps): ReactNode {
  const t = useT();
  const [isOpen, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>();
  const transition = useTransitionDispute();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!note.trim()) {
      setError(t("workbench.dispute.resolutionRequired"));
      return;
    }
    transition.mutate({ id: dispute.id, to, note: note.trim() }, { onSuccess: () => setOpen(false) });
  };
  return (
    <Popover
      opened={isOpen}
      onChange={setOpen}
      trapFocus
      withArrow
      position="bottom-end"
      shadow="md"
      width={320}
    >
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="light"
          color={COLORS[to]}
          onClick={() => setOpen((open) => !open)}
          aria-label={t("workbench.dispute.moveLabel", {
            action: t(`workbench.dispute.to.${to}`),
            number: dispute.invoice.number,
          })}
          data-testid={`dispute-to-${to}`}
        >
          {t(`workbench.dispute.to.${to}`)}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit} noValidate data-testid="dispute-resolution-form">
          <Stack gap="xs">
            <Textarea
              label={t("workbench.dispute.resolution")}
              placeholder={t(`workbench.dispute.resolutionPlaceholder.${to as "resolved" | "rejected"}`)}
              value={note}
              onChange={(event) => {
                setNote(event.currentTarget.value);
                setError(undefined);
              }}
              maxLength={2000}
              autosize
              minRows={2}
              required
              data-autofocus
              error={error ?? issueOf(transition.error, "note")}
              data-testid="dispute-resolution"
            />
            <Group justify="flex-end" gap="xs">
              <Button size="xs" variant="default" onClick={() => setOpen(false)}>
                {t("workbench.cancel")}
              </Button>
              <Button
                size="xs"
                type="submit"
                color={COLORS[to]}
                loading={transition.isPending}
                data-testid="dispute-resolution-submit"
              >
                {t(`workbench.dispute.to.${to}`)}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
