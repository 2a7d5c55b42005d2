import { Group, Select, Skeleton, Stack, Tabs, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconAdjustments, IconArrowsSort, IconRoute } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { QueryError } from "../../components/query-error";
import { readChoice, useUrlParams } from "../../hooks/use-url-params";
import { useT } from "../../i18n/use-i18n";
import { RulesPanel } from "./rules-panel";
import { ScenarioList } from "./scenario-list";
import { SettingsForm } from "./settings-form";
import { type CompanyChoice, useCompanyChoice } from "./use-company-choice";

const TABS = ["scenarios", "rules", "settings"] as const;
type Tab = (typeof TABS)[number];

function CompanySelect({ choice }: { choice: CompanyChoice }): ReactNode {
  const t = useT();
  const { companies, company } = choice;
  if (companies.length <= 1) {
    return company ? <Text c="dimmed">{`${company.code} · ${company.name}`}</Text> : null;
  }
  return (
    <Select
      label={t("scenarios.company")}
      data={companies.map((item) => ({ value: String(item.id), label: `${item.code} · ${item.name}` }))}
      value={company ? String(company.id) : null}
      onChange={(value) => value && choice.choose(Number(value))}
      allowDeselect={false}
      searchable
      w={{ base: "100%", xs: 340 }}
      data-testid="scenarios-company"
    />
  );
}

/** `/scenarios`: a company's scenarios, the rules that assign them, and its dunning settings. */
export function ScenariosPage(): ReactNode {
  const t = useT();
  useDocumentTitle(`${t("scenarios.title")} · Encours`);
  const choice = useCompanyChoice();
  const { params, update } = useUrlParams();
  const tab = readChoice<Tab>(params, "tab", TABS, "scenarios");
  const { company } = choice;

  return (
    <Stack gap="lg" data-testid="scenarios-page">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4} maw={720}>
          <Title order={1} size="h2">
            {t("scenarios.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("scenarios.subtitle")}
          </Text>
        </Stack>
        <CompanySelect choice={choice} />
      </Group>
      {choice.error && <QueryError error={choice.error} onRetry={choice.refetch} />}
      {choice.isPending && <Skeleton height={240} radius="md" />}
      {!choice.isPending && !choice.error && !company && (
        <Text c="dimmed" data-testid="scenarios-no-company">
          {t("scenarios.noCompany")}
        </Text>
      )}
      {company && (
        <Tabs
          value={tab}
          onChange={(next) => update({ tab: next === "scenarios" ? null : next }, { replace: true })}
          keepMounted={false}
          variant="outline"
        >
          <Tabs.List>
            <Tabs.Tab value="scenarios" leftSection={<IconRoute size={16} />} data-testid="tab-scenarios">
              {t("scenarios.tab.scenarios")}
            </Tabs.Tab>
            <Tabs.Tab value="rules" leftSection={<IconArrowsSort size={16} />} data-testid="tab-rules">
              {t("scenarios.tab.rules")}
            </Tabs.Tab>
            <Tabs.Tab value="settings" leftSection={<IconAdjustments size={16} />} data-testid="tab-settings">
              {t("scenarios.tab.settings")}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="scenarios" pt="md">
            <ScenarioList key={company.id} company={company} />
          </Tabs.Panel>
          <Tabs.Panel value="rules" pt="md">
            <RulesPanel key={company.id} company={company} />
          </Tabs.Panel>
          <Tabs.Panel value="settings" pt="md">
            <SettingsForm key={company.id} company={company} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
