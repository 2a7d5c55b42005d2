import { Button, Group, Input, Modal, Select, Stack, Switch, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import type { Company } from "../../../domain/companies/companies.schemas";
import type { AssignmentRule, RuleCondition, ScenarioSummary } from "../../../domain/dunning/dunning.schemas";
import { isApiError } from "../../api/api-error";
import { QueryError } from "../../components/query-error";
import { useT } from "../../i18n/use-i18n";
import { checkConditions } from "./check-step";
import { ConditionBuilder, conditionFor } from "./condition-builder";
import { nextPriority } from "./rule-order";
import { RULES_QUERY_KEY, rulesApi } from "./rules-api";
import type { FieldMessages } from "./scenario-issues";
import { subMessages } from "./scenario-issues";
import { RULE_CONDITION_KINDS } from "./scenario-vocabulary";
import { SCENARIOS_QUERY_KEY } from "./scenarios-api";
import { withoutFields } from "./without-fields";

type RuleModalProps = {
  company: Company;
  /** The rule to edit, or null for a new one (it goes last). */
  rule: AssignmentRule | null;
  rules: readonly AssignmentRule[];
  scenarios: readonly ScenarioSummary[];
  onClose(): void;
};

/** Name, target scenario and conditions of an assignment rule. */
export function RuleModal({ company, rule, rules, scenarios, onClose }: RuleModalProps): ReactNode {
  const t = useT();
  const queryClient = useQueryClient();
  const [name, setName] = useState(rule?.name ?? "");
  const [scenarioId, setScenarioId] = useState<string | null>(rule ? String(rule.scenarioId) : null);
  // A new rule starts with one row to fill in: most rules are about a segment.
  const [conditions, setConditions] = useState<RuleCondition[]>(
    () => rule?.conditions ?? [conditionFor("segment", "text") as RuleCondition],
  );
  const [isEnabled, setEnabled] = useState(rule?.isEnabled ?? true);
  const [errors, setErrors] = useState<FieldMessages>({});
  const clear = (field: string): void => setErrors((previous) => withoutFields(previous, [field]));

  const save = useMutation({
    mutationFn: () =>
      rulesApi.save(
        {
          companyId: company.id,
          name: name.trim(),
          priority: rule?.priority ?? nextPriority(rules),
          scenarioId: Number(scenarioId),
          conditions,
          isEnabled,
        },
        rule?.id ?? null,
      ),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: RULES_QUERY_KEY }),
        queryClient.invalidateQueries({ queryKey: SCENARIOS_QUERY_KEY }),
      ]);
      onClose();
    },
    onError: (error) => {
      if (!isApiError(error, 400)) return;
      setErrors(Object.fromEntries(error.issues.map((issue) => [issue.field, issue.message])));
    },
  });
  const isToldByFields = isApiError(save.error, 400) && save.error.issues.length > 0;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found: FieldMessages = {};
    for (const [field, message] of Object.entries(checkConditions(conditions, t))) found[field] = message;
    if (!name.trim()) found.name = t("scenarios.check.required");
    if (!scenarioId) found.scenarioId = t("scenarios.check.required");
    if (conditions.length === 0) found.conditions = t("scenarios.rules.conditionsRequired");
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={rule ? t("scenarios.rules.editTitle", { name: rule.name }) : t("scenarios.rules.newTitle")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate data-testid="rule-form">
        <Stack gap="md">
          <Group grow align="flex-start" gap="md" wrap="wrap">
            <TextInput
              label={t("scenarios.rules.name")}
              placeholder={t("scenarios.rules.namePlaceholder")}
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                clear("name");
              }}
              error={errors.name}
              withAsterisk
              maxLength={100}
              miw={220}
              data-autofocus
              data-testid="rule-name"
            />
            <Select
              label={t("scenarios.rules.scenario")}
              placeholder={t("scenarios.rules.scenarioPlaceholder")}
              data={scenarios.map((scenario) => ({ value: String(scenario.id), label: scenario.name }))}
              value={scenarioId}
              onChange={(value) => {
                setScenarioId(value);
                clear("scenarioId");
              }}
              error={errors.scenarioId}
              withAsterisk
              allowDeselect={false}
              miw={220}
              data-testid="rule-scenario"
            />
          </Group>
          <Input.Wrapper
            label={t("scenarios.rules.conditions")}
            description={t("scenarios.rules.conditionsHint")}
            error={errors.conditions}
            withAsterisk
          >
            <Stack pt="xs">
              <ConditionBuilder
                conditions={conditions}
                onChange={(next) => {
                  setConditions(next as RuleCondition[]);
                  clear("conditions");
                }}
                kinds={RULE_CONDITION_KINDS}
                errors={subMessages(errors, "conditions")}
                companyId={company.id}
                emptyText={t("scenarios.rules.noConditions")}
                data-testid="rule-conditions"
              />
            </Stack>
          </Input.Wrapper>
          <Switch
            label={t("scenarios.rules.enabled")}
            checked={isEnabled}
            onChange={(event) => setEnabled(event.currentTarget.checked)}
            data-testid="rule-enabled"
          />
          {save.isError && !isToldByFields && <QueryError error={save.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={save.isPending}>
              {t("scenarios.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="rule-save">
              {t("scenarios.rules.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
