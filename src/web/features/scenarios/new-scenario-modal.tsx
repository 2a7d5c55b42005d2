import { Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import type { ScenarioDefinition, ScenarioSummary } from "../../../domain/dunning/dunning.schemas";
import { isApiError } from "../../api/api-error";
import { QueryError } from "../../components/query-error";
import type { Translate } from "../../i18n/messages";
import { useT } from "../../i18n/use-i18n";
import { codeFromName } from "./code-from-name";
import { emptyAction, SCENARIO_CODE_PATTERN } from "./scenario-draft";
import { SCENARIOS_QUERY_KEY, scenariosApi } from "./scenarios-api";

type NewScenarioModalProps = {
  companyId: number;
  scenarios: readonly ScenarioSummary[];
  onClose(): void;
  onCreated(id: number): void;
};

type Errors = { code?: string; name?: string };
const EMPTY = "empty";

/** A scenario has at least one step: an empty one starts with a reminder email at D+7. */
function starterDefinition(t: Translate): ScenarioDefinition {
  return {
    steps: [
      {
        key: "d+7",
        name: t("scenarios.starterStep"),
        offsetDays: 7,
        from: "due_date",
        review: false,
        conditions: [],
        actions: [emptyAction("email")],
      },
    ],
  };
}

function errorsOf(error: Error, t: Translate): Errors {
  if (isApiError(error, 409)) return { code: t("scenarios.codeTaken") };
  if (!isApiError(error, 400)) return {};
  const found: Errors = {};
  for (const issue of error.issues) {
    if (issue.field === "code") found.code = issue.message;
    if (issue.field === "name") found.name = issue.message;
  }
  return found;
}

/** Code, name, and an empty scenario or a copy of one of the company's scenarios. */
export function NewScenarioModal({
  companyId,
  scenarios,
  onClose,
  onCreated,
}: NewScenarioModalProps): ReactNode {
  const t = useT();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [code, setCode] = useState("");
  const [isCodeEdited, setCodeEdited] = useState(false);
  const [source, setSource] = useState<string>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});

  const create = useMutation({
    mutationFn: async () => {
      const definition =
        source === EMPTY ? starterDefinition(t) : (await scenariosApi.get(Number(source))).definition;
      return scenariosApi.create({ companyId, code, name: name.trim(), isDefault: false, definition });
    },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: SCENARIOS_QUERY_KEY });
      onCreated(created.id);
    },
    onError: (error) => setErrors(errorsOf(error, t)),
  });
  const isToldByFields = create.error !== null && Object.keys(errorsOf(create.error, t)).length > 0;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found: Errors = {};
    if (!name.trim()) found.name = t("scenarios.check.required");
    if (!SCENARIO_CODE_PATTERN.test(code)) found.code = t("scenarios.check.codeFormat");
    if (scenarios.some((scenario) => scenario.code === code)) found.code = t("scenarios.codeTaken");
    setErrors(found);
    if (found.name || found.code) return;
    create.mutate();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t("scenarios.newTitle")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate data-testid="scenario-new-form">
        <Stack gap="md">
          <TextInput
            label={t("scenarios.form.name")}
            value={name}
            onChange={(event) => {
              const next = event.currentTarget.value;
              setName(next);
              if (!isCodeEdited) setCode(codeFromName(next));
              setErrors({});
            }}
            error={errors.name}
            withAsterisk
            maxLength={100}
            data-autofocus
            data-testid="scenario-new-name"
          />
          <TextInput
            label={t("scenarios.form.code")}
            description={t("scenarios.codeHint")}
            value={code}
            onChange={(event) => {
              setCode(event.currentTarget.value);
              setCodeEdited(true);
              setErrors((previous) => ({ ...previous, code: undefined }));
            }}
            error={errors.code}
            withAsterisk
            maxLength={40}
            ff="monospace"
            data-testid="scenario-new-code"
          />
          <Select
            label={t("scenarios.startFrom")}
            data={[
              { value: EMPTY, label: t("scenarios.startEmpty") },
              ...scenarios.map((scenario) => ({
                value: String(scenario.id),
                label: t("scenarios.startCopy", { name: scenario.name }),
              })),
            ]}
            value={source}
            onChange={(value) => setSource(value ?? EMPTY)}
            allowDeselect={false}
            data-testid="scenario-new-source"
          />
          <Text size="xs" c="dimmed">
            {t("scenarios.newHint")}
          </Text>
          {create.isError && !isToldByFields && <QueryError error={create.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={create.isPending}>
              {t("scenarios.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="scenario-new-submit">
              {t("scenarios.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
