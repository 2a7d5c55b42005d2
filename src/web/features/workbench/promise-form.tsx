import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useT } from "../../i18n/use-i18n";
import { checkPromise, type DraftErrors, emptyPromise, hasErrors, toPromiseRequest } from "./drafts";
import { PromiseFields } from "./promise-fields";
import { useDraftContext } from "./use-draft-context";
import { useRecordPromise } from "./use-workbench-mutations";

/** "New promise" outside a call (an email, a letter, the portal): the same fields, the channel asked for. */
export function PromiseForm({ customerId, onClose }: { customerId: number; onClose(): void }): ReactNode {
  const t = useT();
  const [draft, setDraft] = useState(() => emptyPromise("email"));
  const [errors, setErrors] = useState<DraftErrors>({});
  const record = useRecordPromise(customerId);
  const context = useDraftContext();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found = checkPromise(draft, context);
    setErrors(found);
    if (hasErrors(found)) return;
    record.mutate(toPromiseRequest(draft, context.language), { onSuccess: onClose });
  };

  return (
    <Paper withBorder radius="sm" p="md" bg="var(--mantine-color-gray-0)">
      <form onSubmit={submit} noValidate data-testid="promise-form">
        <Stack gap="sm">
          <Text fw={600} size="sm">
            {t("workbench.promise.new")}
          </Text>
          <PromiseFields
            customerId={customerId}
            draft={draft}
            onChange={setDraft}
            errors={errors}
            apiError={record.error}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={record.isPending}>
              {t("workbench.cancel")}
            </Button>
            <Button type="submit" loading={record.isPending} data-testid="promise-submit">
              {t("workbench.promise.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
