import { Button, Card, Group, Stack, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import type { UseMutationResult } from "@tanstack/react-query";
import { type ChangeEvent, type FormEvent, type ReactNode, useRef, useState } from "react";
import { isApiError } from "../../api/api-error";
import { useT } from "../../i18n/use-i18n";
import { issueOf } from "./use-workbench-mutations";

/** One text field of a catalogue entry (a department's name, a reason's code). */
export type CatalogField<K extends string> = {
  name: K;
  label: string;
  description?: string;
  maxLength: number;
  width: number;
  type?: "email";
  testId: string;
};

/** A change of a company's catalogue: the API call, run for the company, answers the whole list. */
export type CatalogChange<L> = UseMutationResult<L, Error, (companyId: number) => Promise<L>>;

type Props<K extends string, L> = {
  fields: readonly CatalogField<K>[];
  change: CatalogChange<L>;
  add: (companyId: number, draft: Record<K, string>) => Promise<L>;
  title: string;
  submitLabel: string;
  savedMessage: string;
  testId: string;
  submitTestId: string;
};

function emptyDraft<K extends string>(fields: readonly CatalogField<K>[]): Record<K, string> {
  return Object.fromEntries(fields.map((f) => [f.name, ""])) as Record<K, string>;
}

/**
 * The form under a settings catalogue that adds one entry. The API checks the fields and names the one it
 * refuses, which takes the focus (no browser bubble), so that a keyboard or screen-reader user lands on its
 * message; once added, the form is empty and its first field ready for the next entry.
 */
export function CatalogAddForm<K extends string, L>(props: Props<K, L>): ReactNode {
  const { fields, change } = props;
  const t = useT();
  const [draft, setDraft] = useState(() => emptyDraft(fields));
  const inputs = useRef<Partial<Record<K, HTMLInputElement | null>>>({});
  /** The named field, or the first one. */
  const focus = (name: K | undefined) => {
    const target = name ?? fields[0]?.name;
    if (target !== undefined) inputs.current[target]?.focus();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate((companyId) => props.add(companyId, draft), {
      onSuccess: () => {
        setDraft(emptyDraft(fields));
        notifications.show({ color: "green", message: props.savedMessage });
        focus(undefined);
      },
      onError: (failure) => {
        notifications.show({
          color: "red",
          message: isApiError(failure) ? failure.message : t("error.generic"),
        });
        focus(fields.find((f) => issueOf(failure, f.name))?.name);
      },
    });
  };
  return (
    <Card withBorder radius="md" component="form" onSubmit={submit} noValidate data-testid={props.testId}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {props.title}
        </Title>
        <Group align="flex-start" gap="sm" wrap="wrap">
          {fields.map((f) => (
            <TextInput
              key={f.name}
              label={f.label}
              description={f.description}
              type={f.type}
              maxLength={f.maxLength}
              autoComplete="off"
              w={{ base: "100%", xs: f.width }}
              value={draft[f.name]}
              onChange={(event: ChangeEvent<HTMLInputElement>) =>
                setDraft({ ...draft, [f.name]: event.currentTarget.value })
              }
              error={issueOf(change.error, f.name)}
              required
              ref={(input) => {
                inputs.current[f.name] = input;
              }}
              data-testid={f.testId}
            />
          ))}
        </Group>
        <Group>
          <Button
            type="submit"
            leftSection={<IconPlus size={16} />}
            loading={change.isPending}
            data-testid={props.submitTestId}
          >
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
