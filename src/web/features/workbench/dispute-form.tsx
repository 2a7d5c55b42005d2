import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { addDays } from "../../../shared/dates";
import { useT } from "../../i18n/use-i18n";
import { useMe } from "../auth/use-me";
import { browserToday } from "../dunning/browser-today";
import { DisputeFields } from "./dispute-fields";
import {
  checkDispute,
  DISPUTE_DEADLINE_DAYS,
  type DraftErrors,
  emptyDispute,
  hasErrors,
  toDisputeRequest,
} from "./drafts";
import { useDraftContext } from "./use-draft-context";
import { useOpenDispute } from "./use-workbench-mutations";

/** "Open a dispute" on some of the customer's open invoices. */
export function DisputeForm({ customerId, onClose }: { customerId: number; onClose(): void }): ReactNode {
  const t = useT();
  const me = useMe();
  const [draft, setDraft] = useState(() =>
    emptyDispute(me ? String(me.user.id) : null, addDays(browserToday(), DISPUTE_DEADLINE_DAYS)),
  );
  const [errors, setErrors] = useState<DraftErrors>({});
  const open = useOpenDispute(customerId);
  const context = useDraftContext();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found = checkDispute(draft, context);
    setErrors(found);
    if (hasErrors(found)) return;
    open.mutate(toDisputeRequest(draft, context.language), { onSuccess: onClose });
  };

  return (
    <Paper withBorder radius="sm" p="md" bg="var(--mantine-color-gray-0)">
      <form onSubmit={submit} noValidate data-testid="dispute-form">
        <Stack gap="sm">
          <Text fw={600} size="sm">
            {t("workbench.dispute.new")}
          </Text>
          <DisputeFields
            customerId={customerId}
            draft={draft}
            onChange={setDraft}
            errors={errors}
            apiError={open.error}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={open.isPending}>
              {t("workbench.cancel")}
            </Button>
            <Button type="submit" loading={open.isPending} data-testid="dispute-submit">
              {t("workbench.dispute.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
