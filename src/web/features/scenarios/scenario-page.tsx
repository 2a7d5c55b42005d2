import { Anchor, Badge, Group, Skeleton, Stack, Tabs } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconArrowLeft, IconHistory, IconTimeline, IconUsers } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import type { ScenarioDetail } from "../../../domain/dunning/dunning.schemas";
import { NotFoundPage } from "../../components/not-found-page";
import { QueryError } from "../../components/query-error";
import { formatNumber } from "../../format";
import { readChoice, useUrlParams } from "../../hooks/use-url-params";
import { useI18n, useT } from "../../i18n/use-i18n";
import { CoveredCustomers } from "./covered-customers";
import { ScenarioHeader } from "./scenario-header";
import { ScenarioSteps } from "./scenario-steps";
import { scenarioQuery } from "./scenarios-api";
import { useScenarioEditor } from "./use-scenario-editor";
import { VersionHistory } from "./version-history";

const TABS = ["steps", "versions", "customers"] as const;
type Tab = (typeof TABS)[number];

/** `/scenarios/:id`; an id that is not a positive integer is a page that does not exist. */
export function ScenarioPage(): ReactNode {
  const { id } = useParams();
  const scenarioId = id && /^\d{1,9}$/.test(id) ? Number(id) : 0;
  if (scenarioId <= 0) return <NotFoundPage />;
  return <ScenarioView key={scenarioId} scenarioId={scenarioId} />;
}

function BackToList({ companyId }: { companyId?: number }): ReactNode {
  const t = useT();
  return (
    <Anchor component={Link} to={companyId ? `/scenarios?companyId=${companyId}` : "/scenarios"} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t("scenarios.back")}
      </Group>
    </Anchor>
  );
}

function ScenarioView({ scenarioId }: { scenarioId: number }): ReactNode {
  const scenario = useQuery(scenarioQuery(scenarioId));
  useDocumentTitle(scenario.data ? `${scenario.data.name} · Encours` : "Encours");
  return (
    <Stack gap="md" data-testid="scenario-page">
      <BackToList companyId={scenario.data?.companyId} />
      {scenario.isError && (
        <QueryError
          error={scenario.error}
          notFoundMessage="scenarios.notFound"
          onRetry={() => void scenario.refetch()}
        />
      )}
      {scenario.isPending && <Skeleton height={320} radius="md" />}
      {scenario.data && <ScenarioEditorView scenario={scenario.data} />}
    </Stack>
  );
}

function ScenarioEditorView({ scenario }: { scenario: ScenarioDetail }): ReactNode {
  const { t, locale } = useI18n();
  const editor = useScenarioEditor(scenario);
  const { params, update } = useUrlParams();
  const tab = readChoice<Tab>(params, "tab", TABS, "steps");
  const count = (value: number): ReactNode => (
    <Badge size="sm" variant="light" color="gray" radius="sm">
      {formatNumber(value, locale)}
    </Badge>
  );

  return (
    <>
      <ScenarioHeader scenario={scenario} editor={editor} />
      <Tabs
        value={tab}
        onChange={(next) => update({ tab: next === "steps" ? null : next }, { replace: true })}
        variant="outline"
      >
        <Tabs.List>
          <Tabs.Tab value="steps" leftSection={<IconTimeline size={16} />} data-testid="tab-steps">
            {t("scenarios.tab.steps")}
          </Tabs.Tab>
          <Tabs.Tab
            value="versions"
            leftSection={<IconHistory size={16} />}
            rightSection={count(scenario.versions.length)}
            data-testid="tab-versions"
          >
            {t("scenarios.tab.versions")}
          </Tabs.Tab>
          <Tabs.Tab
            value="customers"
            leftSection={<IconUsers size={16} />}
            rightSection={count(scenario.customerCount)}
            data-testid="tab-customers"
          >
            {t("scenarios.tab.customers")}
          </Tabs.Tab>
        </Tabs.List>
        {/* The steps stay mounted: the draft lives above them, but the drawer's state is theirs. */}
        <Tabs.Panel value="steps" pt="md" keepMounted>
          <ScenarioSteps scenario={scenario} editor={editor} />
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          {tab === "versions" && (
            <VersionHistory
              scenario={scenario}
              onRestore={(definition) => {
                editor.restore(definition);
                update({ tab: null }, { replace: true });
              }}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="customers" pt="md">
          {tab === "customers" && <CoveredCustomers scenarioId={scenario.id} />}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
