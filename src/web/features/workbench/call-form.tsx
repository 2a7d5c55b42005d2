import {
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { IconPhoneCall } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, type KeyboardEvent, type ReactNode, useState } from "react";
import { CALL_OUTCOMES, type CallOutcome } from "../../../domain/workbench/workbench.schemas";
import { addDays } from "../../../shared/dates";
import { useT } from "../../i18n/use-i18n";
import { useMe } from "../auth/use-me";
import { customerContactsQuery } from "../customers/customers-api";
import { browserToday } from "../dunning/browser-today";
import { DisputeFields } from "./dispute-fields";
import {
  checkDispute,
  checkPromise,
  checkTask,
  DISPUTE_DEADLINE_DAYS,
  type DraftErrors,
  emptyDispute,
  emptyPromise,
  hasErrors,
  type TaskDraft,
  toDisputeRequest,
  toPromiseRequest,
} from "./drafts";
import { PromiseFields } from "./promise-fields";
import { TaskFields } from "./task-fields";
import { useDraftContext } from "./use-draft-context";
import { issueOf, useLogCall } from "./use-workbench-mutations";

const emptyTask = (): TaskDraft => ({ type: "call", dueDate: addDays(browserToday(), 7), title: "" });

/**
 * "Log a call" in a few keystrokes: contact, outcome (arrow keys), note, Ctrl+Enter. A promise, a dispute and
 * the next task can be added inline; the server writes all of it or nothing.
 */
export function CallForm({ customerId }: { customerId: number }): ReactNode {
  const t = useT();
  const me = useMe();
  const contacts = useQuery(customerContactsQuery(customerId));
  const primary = contacts.data?.items.find((contact) => contact.isPrimary) ?? contacts.data?.items[0];
  const [contactId, setContactId] = useState<string | null | undefined>(undefined);
  const [outcome, setOutcome] = useState<CallOutcome>("reached");
  const [note, setNote] = useState("");
  const [withPromise, setWithPromise] = useState(false);
  const [withDispute, setWithDispute] = useState(false);
  const [withTask, setWithTask] = useState(false);
  const [promise, setPromise] = useState(emptyPromise);
  const [dispute, setDispute] = useState(() =>
    emptyDispute(me ? String(me.user.id) : null, addDays(browserToday(), DISPUTE_DEADLINE_DAYS)),
  );
  const [task, setTask] = useState(emptyTask);
  const [errors, setErrors] = useState<{ promise: DraftErrors; dispute: DraftErrors; task: DraftErrors }>({
    promise: {},
    dispute: {},
    task: {},
  });
  const logCall = useLogCall(customerId);
  const context = useDraftContext();
  const chosenContact = contactId === undefined ? (primary ? String(primary.id) : null) : contactId;

  const reset = (): void => {
    setNote("");
    setOutcome("reached");
    setWithPromise(false);
    setWithDispute(false);
    setWithTask(false);
    setPromise(emptyPromise());
    setDispute(emptyDispute(me ? String(me.user.id) : null, addDays(browserToday(), DISPUTE_DEADLINE_DAYS)));
    setTask(emptyTask());
  };

  const submit = (event?: FormEvent): void => {
    event?.preventDefault();
    const found = {
      promise: withPromise ? checkPromise(promise, context) : {},
      dispute: withDispute ? checkDispute(dispute, context) : {},
      task: withTask ? checkTask(task, context) : {},
    };
    setErrors(found);
    if (hasErrors(found.promise) || hasErrors(found.dispute) || hasErrors(found.task)) return;
    logCall.mutate(
      {
        contactId: chosenContact ? Number(chosenContact) : null,
        outcome,
        note: note.trim() || undefined,
        promise: withPromise ? toPromiseRequest(promise, context.language) : undefined,
        dispute: withDispute ? toDisputeRequest(dispute, context.language) : undefined,
        nextTask: withTask
          ? { type: task.type, dueDate: task.dueDate ?? "", title: task.title.trim() || undefined }
          : undefined,
      },
      { onSuccess: reset },
    );
  };

  const submitOnCtrlEnter = (event: KeyboardEvent): void => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) submit();
  };

  return (
    <Card withBorder radius="md" padding="md" data-testid="call-form-card">
      <form onSubmit={submit} onKeyDown={submitOnCtrlEnter} noValidate data-testid="call-form">
        <Stack gap="sm">
          <Group gap={6}>
            <IconPhoneCall size={18} stroke={1.5} aria-hidden />
            <Title order={3} size="h5">
              {t("workbench.call.title")}
            </Title>
          </Group>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t("workbench.call.contact")}
              placeholder={t("workbench.call.noContact")}
              data={(contacts.data?.items ?? []).map((contact) => ({
                value: String(contact.id),
                label: contact.phone ? `${contact.name} · ${contact.phone}` : contact.name,
              }))}
              value={chosenContact}
              onChange={setContactId}
              searchable
              clearable
              w={{ base: "100%", xs: 300 }}
              error={issueOf(logCall.error, "contactId")}
              data-testid="call-contact"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="call-outcome-label">
                {t("workbench.call.outcome")}
              </Text>
              <SegmentedControl<CallOutcome>
                value={outcome}
                onChange={setOutcome}
                data={CALL_OUTCOMES.map((value) => ({ value, label: t(`workbench.call.outcome.${value}`) }))}
                aria-labelledby="call-outcome-label"
                data-testid="call-outcome"
              />
            </Stack>
          </Group>
          <Textarea
            label={t("workbench.call.note")}
            placeholder={t("workbench.call.notePlaceholder")}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
            data-testid="call-note"
          />
          <Group gap="lg" wrap="wrap">
            <Checkbox
              label={t("workbench.call.withPromise")}
              checked={withPromise}
              onChange={(event) => setWithPromise(event.currentTarget.checked)}
              data-testid="call-with-promise"
            />
            <Checkbox
              label={t("workbench.call.withDispute")}
              checked={withDispute}
              onChange={(event) => setWithDispute(event.currentTarget.checked)}
              data-testid="call-with-dispute"
            />
            <Checkbox
              label={t("workbench.call.withTask")}
              checked={withTask}
              onChange={(event) => setWithTask(event.currentTarget.checked)}
              data-testid="call-with-task"
            />
          </Group>
          {withPromise && (
            <Section title={t("workbench.promise.new")}>
              <PromiseFields
                customerId={customerId}
                draft={promise}
                onChange={setPromise}
                errors={errors.promise}
                apiError={logCall.error}
                prefix="promise."
              />
            </Section>
          )}
          {withDispute && (
            <Section title={t("workbench.dispute.new")}>
              <DisputeFields
                customerId={customerId}
                draft={dispute}
                onChange={setDispute}
                errors={errors.dispute}
                apiError={logCall.error}
                prefix="dispute."
              />
            </Section>
          )}
          {withTask && (
            <Section title={t("workbench.task.next")}>
              <TaskFields draft={task} onChange={setTask} errors={errors.task} apiError={logCall.error} />
            </Section>
          )}
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="xs" c="dimmed">
              {t("workbench.call.keyboardHint")}
            </Text>
            <Button
              type="submit"
              loading={logCall.isPending}
              leftSection={<IconPhoneCall size={16} />}
              data-testid="call-submit"
            >
              {t("workbench.call.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }): ReactNode {
  return (
    <Fieldset legend={title} variant="filled" radius="sm">
      {children}
    </Fieldset>
  );
}
