import { Anchor, Card, Group, Select, Stack, Text, Title } from "@mantine/core";
import { IconRoute } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { CustomerDunning } from "../../../domain/dunning/dunning.schemas";
import type { Translate } from "../../i18n/messages";
import { useT } from "../../i18n/use-i18n";
import { DUNNING_ROLES, hasRole } from "../auth/roles";
import { useMe } from "../auth/use-me";
import { AccountStatusBadge } from "./account-status-badge";
import { companyScenariosQuery } from "./dunning-api";
import { useSetScenario } from "./use-customer-dunning";

const BY_RULES = "rules";

/** How the scenario was chosen: "chosen for this customer", "rule « Key accounts »", "default scenario". */
export function scenarioSource(t: Translate, scenario: NonNullable<CustomerDunning["scenario"]>): string {
  if (scenario.source === "override") return t("dunning.scenario.source.override");
  if (scenario.source === "rule") return t("dunning.scenario.source.rule", { rule: scenario.ruleName ?? "" });
  return t("dunning.scenario.source.default");
}

type ScenarioCardProps = { customerId: number; companyId: number; dunning: CustomerDunning };

/** The customer's scenario, why it applies, the account status, and (for credit managers) another choice. */
export function ScenarioCard({ customerId, companyId, dunning }: ScenarioCardProps): ReactNode {
  const t = useT();
  const { scenario } = dunning;
  const canChange = hasRole(useMe(), DUNNING_ROLES);
  return (
    <Card withBorder radius="md" padding="md" data-testid="customer-scenario">
      <Stack gap="sm">
        <Group gap={6}>
          <IconRoute size={18} stroke={1.5} aria-hidden />
          <Title order={3} size="h5">
            {t("dunning.scenario.title")}
          </Title>
        </Group>
        {scenario ? (
          <Stack gap={2}>
            <Text fw={600} data-testid="scenario-name">
              {canChange ? (
                <Anchor component={Link} to={`/scenarios/${scenario.id}`} inherit>
                  {scenario.name}
                </Anchor>
              ) : (
                scenario.name
              )}{" "}
              <Text span size="xs" c="dimmed">
                {t("dunning.scenario.version", { version: scenario.version })}
              </Text>
            </Text>
            <Text size="sm" c="dimmed" data-testid="scenario-source">
              {scenarioSource(t, scenario)}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t("dunning.scenario.none")}
          </Text>
        )}
        <Group gap="xs">
          <Text size="sm">{t("dunning.accountStatus.label")}</Text>
          <AccountStatusBadge status={dunning.accountStatus} />
        </Group>
        {canChange && <ScenarioSelect customerId={customerId} companyId={companyId} dunning={dunning} />}
      </Stack>
    </Card>
  );
}

function ScenarioSelect({ customerId, companyId, dunning }: ScenarioCardProps): ReactNode {
  const t = useT();
  const scenarios = useQuery(companyScenariosQuery(companyId));
  const setScenario = useSetScenario(customerId);
  const current = dunning.scenario?.source === "override" ? String(dunning.scenario.id) : BY_RULES;
  const data = [
    { value: BY_RULES, label: t("dunning.scenario.byRules") },
    ...(scenarios.data?.items ?? []).map((item) => ({
      value: String(item.id),
      label: item.isDefault ? t("dunning.scenario.defaultOption", { name: item.name }) : item.name,
    })),
  ];
  return (
    <Select
      label={t("dunning.scenario.change")}
      description={t("dunning.scenario.changeHint")}
      data={data}
      value={current}
      onChange={(value) => {
        if (!value || value === current) return;
        setScenario.mutate(value === BY_RULES ? null : Number(value));
      }}
      allowDeselect={false}
      disabled={setScenario.isPending || scenarios.isPending}
      error={scenarios.isError ? t("dunning.scenario.loadFailed") : undefined}
      data-testid="scenario-select"
    />
  );
}
