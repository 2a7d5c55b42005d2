import { Anchor, Button, Code, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { Company } from "../../../domain/companies/companies.schemas";
import type { ScenarioSummary } from "../../../domain/dunning/dunning.schemas";
import { EmptyTableRow } from "../../components/empty-table-row";
import { QueryError } from "../../components/query-error";
import { TableSkeleton } from "../../components/table-skeleton";
import { formatDateTime, formatNumber } from "../../format";
import { useI18n, useT } from "../../i18n/use-i18n";
import { DefaultBadge } from "./default-badge";
import { ImportScenarioButton } from "./import-scenario-button";
import { NewScenarioModal } from "./new-scenario-modal";
import { scenarioListQuery } from "./scenarios-api";

const COLUMNS = 6;

function ScenarioRow({ scenario }: { scenario: ScenarioSummary }): ReactNode {
  const { t, locale } = useI18n();
  return (
    <Table.Tr data-testid={`scenario-row-${scenario.code}`}>
      <Table.Td>
        <Group gap={8} wrap="nowrap">
          <Anchor component={Link} to={`/scenarios/${scenario.id}`} fw={600} size="sm" c="inherit">
            {scenario.name}
          </Anchor>
          {scenario.isDefault && <DefaultBadge size="xs" />}
        </Group>
      </Table.Td>
      <Table.Td>
        <Code>{scenario.code}</Code>
      </Table.Td>
      <Table.Td ta="right">{t("scenarios.versionShort", { version: scenario.version })}</Table.Td>
      <Table.Td ta="right">{formatNumber(scenario.stepCount, locale)}</Table.Td>
      <Table.Td ta="right" data-testid="scenario-customer-count">
        {formatNumber(scenario.customerCount, locale)}
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <time dateTime={scenario.updatedAt}>{formatDateTime(scenario.updatedAt, locale)}</time>
      </Table.Td>
    </Table.Tr>
  );
}

/** The company's scenarios; create one (empty or a copy) or import a JSON file. */
export function ScenarioList({ company }: { company: Company }): ReactNode {
  const t = useT();
  const navigate = useNavigate();
  const list = useQuery(scenarioListQuery(company.id));
  const [isCreating, setCreating] = useState(false);
  const items = list.data?.items;

  return (
    <Stack gap="sm" data-testid="scenario-list">
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm" c="dimmed" maw={640}>
          {t("scenarios.listHint")}
        </Text>
        <Group gap="sm">
          <ImportScenarioButton companyId={company.id} />
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setCreating(true)}
            data-testid="scenario-new"
          >
            {t("scenarios.new")}
          </Button>
        </Group>
      </Group>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("scenarios.col.name")}</Table.Th>
                  <Table.Th>{t("scenarios.col.code")}</Table.Th>
                  <Table.Th ta="right">{t("scenarios.col.version")}</Table.Th>
                  <Table.Th ta="right">{t("scenarios.col.steps")}</Table.Th>
                  <Table.Th ta="right">{t("scenarios.col.customers")}</Table.Th>
                  <Table.Th>{t("scenarios.col.updated")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {!items && <TableSkeleton columns={COLUMNS} rows={3} />}
                {items?.length === 0 && (
                  <EmptyTableRow
                    columns={COLUMNS}
                    title={t("scenarios.empty")}
                    description={t("scenarios.emptyHint")}
                  />
                )}
                {items?.map((scenario) => (
                  <ScenarioRow key={scenario.id} scenario={scenario} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {isCreating && (
        <NewScenarioModal
          companyId={company.id}
          scenarios={items ?? []}
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate(`/scenarios/${id}`)}
        />
      )}
    </Stack>
  );
}
