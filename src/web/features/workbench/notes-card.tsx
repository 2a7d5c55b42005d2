import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPin, IconPinnedOff } from "@tabler/icons-react";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import type { Note, NoteList } from "../../../domain/workbench/notes.schemas";
import { api } from "../../api/api-client";
import { isApiError } from "../../api/api-error";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/use-i18n";

const notesQuery = (customerId: number) =>
  queryOptions({
    queryKey: ["notes", customerId],
    queryFn: ({ signal }) => api.get<NoteList>(`/customers/${customerId}/notes`, undefined, signal),
  });

function usePin(customerId: number) {
  const queryClient = useQueryClient();
  const { t } = useI18n();
  return useMutation({
    mutationFn: (input: { id: number; isPinned: boolean }) =>
      api.post<Note>(`/notes/${input.id}/pin`, { isPinned: input.isPinned }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["notes", customerId] }),
    onError: (error) =>
      notifications.show({ color: "red", message: isApiError(error) ? error.message : t("error.generic") }),
  });
}

function NoteRow({
  note,
  customerId,
  canWrite,
}: {
  note: Note;
  customerId: number;
  canWrite: boolean;
}): ReactNode {
  const { t, locale } = useI18n();
  const pin = usePin(customerId);
  const label = note.isPinned ? t("notes.unpin") : t("notes.pin");
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="note-row" data-pinned={note.isPinned || undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Text size="sm" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
            {note.body}
          </Text>
          <Text size="xs" c="dimmed">
            {t("notes.by", { name: note.author?.name ?? "—", date: formatDateTime(note.createdAt, locale) })}
          </Text>
        </Stack>
        {canWrite && (
          <Tooltip label={label}>
            <ActionIcon
              variant="subtle"
              color={note.isPinned ? "blue" : "gray"}
              aria-label={label}
              loading={pin.isPending}
              onClick={() => pin.mutate({ id: note.id, isPinned: !note.isPinned })}
              data-testid="note-pin"
            >
              {note.isPinned ? <IconPinnedOff size={16} /> : <IconPin size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Paper>
  );
}

/** The pinned notes at the top of the customer file (nothing when there is none). */
export function PinnedNotes({ customerId, canWrite }: { customerId: number; canWrite: boolean }): ReactNode {
  const { t } = useI18n();
  const pinned = (useQuery(notesQuery(customerId)).data?.items ?? []).filter((n) => n.isPinned);
  if (pinned.length === 0) return null;
  return (
    <Stack gap={6} data-testid="pinned-notes" aria-label={t("notes.pinnedTitle")}>
      {pinned.map((note) => (
        <NoteRow key={note.id} note={note} customerId={customerId} canWrite={canWrite} />
      ))}
    </Stack>
  );
}

/** All the notes of the customer, and a form to write one (pinned or not). */
export function NotesCard({ customerId, canWrite }: { customerId: number; canWrite: boolean }): ReactNode {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const notes = useQuery(notesQuery(customerId));
  const [body, setBody] = useState("");
  const [isPinned, setPinned] = useState(false);
  const add = useMutation({
    mutationFn: () => api.post<Note>(`/customers/${customerId}/notes`, { body: body.trim(), isPinned }),
    onSuccess: () => {
      setBody("");
      setPinned(false);
      void queryClient.invalidateQueries({ queryKey: ["notes", customerId] });
      void queryClient.invalidateQueries({ queryKey: ["customers"] });
      notifications.show({ color: "green", message: t("notes.added") });
    },
    onError: (error) =>
      notifications.show({ color: "red", message: isApiError(error) ? error.message : t("error.generic") }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() !== "") add.mutate();
  };
  const items = notes.data?.items ?? [];
  return (
    <Card withBorder radius="md" padding="md" data-testid="notes-card">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("notes.title")}
        </Title>
        {canWrite && (
          <form onSubmit={submit} data-testid="note-form">
            <Stack gap="xs">
              <Textarea
                label={t("notes.new")}
                placeholder={t("notes.placeholder")}
                value={body}
                onChange={(event) => setBody(event.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={5000}
                data-testid="note-body"
              />
              <Group justify="space-between">
                <Checkbox
                  label={t("notes.pinIt")}
                  checked={isPinned}
                  onChange={(event) => setPinned(event.currentTarget.checked)}
                  data-testid="note-pinned"
                />
                <Button
                  type="submit"
                  disabled={body.trim() === ""}
                  loading={add.isPending}
                  data-testid="note-add"
                >
                  {t("notes.add")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {notes.data && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("notes.empty")}
          </Text>
        )}
        {items.map((note) => (
          <NoteRow key={note.id} note={note} customerId={customerId} canWrite={canWrite} />
        ))}
      </Stack>
    </Card>
  );
}
