import { Alert, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { IconInfoCircle, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import type { Company } from "../../../domain/companies/companies.schemas";
import type { AssignmentRule } from "../../../domain/dunning/dunning.schemas";
import { EmptyTableRow } from "../../components/empty-table-row";
import { QueryError } from "../../components/query-error";
import { TableSkeleton } from "../../components/table-skeleton";
import { useT } from "../../i18n/use-i18n";
import { ConfirmModal } from "./confirm-modal";
import { RuleModal } from "./rule-modal";
import { RuleRow } from "./rule-row";
import { rulesQuery } from "./rules-api";
import { scenarioListQuery } from "./scenarios-api";
import { useRuleActions } from "./use-rule-actions";

const COLUMNS = 6;

/** Which scenario each customer gets: the first enabled rule it meets, else the default scenario. */
export function RulesPanel({ company }: { company: Company }): ReactNode {
  const t = useT();
  const rules = useQuery(rulesQuery(company.id));
  const scenarios = useQuery(scenarioListQuery(company.id)).data?.items ?? [];
  const items = rules.data?.items;
  const actions = useRuleActions(items ?? []);
  // undefined: closed; null: a new rule.
  const [editing, setEditing] = useState<AssignmentRule | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<AssignmentRule | null>(null);
  const fallback = scenarios.find((scenario) => scenario.isDefault);

  return (
    <Stack gap="sm" data-testid="rules-panel">
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm" c="dimmed" maw={720}>
          {t("scenarios.rules.hint")}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="rule-add">
          {t("scenarios.rules.add")}
        </Button>
      </Group>
      {rules.isError ? (
        <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <Paper withBorder radius="md" style={{ overflow: "hidden", opacity: actions.isBusy ? 0.7 : 1 }}>
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" data-testid="rules-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={120}>{t("scenarios.rules.col.order")}</Table.Th>
                  <Table.Th>{t("scenarios.rules.col.name")}</Table.Th>
                  <Table.Th>{t("scenarios.rules.col.conditions")}</Table.Th>
                  <Table.Th>{t("scenarios.rules.col.scenario")}</Table.Th>
                  <Table.Th>{t("scenarios.rules.col.enabled")}</Table.Th>
                  <Table.Th w={100}>
                    <VisuallyHidden>{t("scenarios.rules.col.actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {!items && <TableSkeleton columns={COLUMNS} rows={3} />}
                {items?.length === 0 && (
                  <EmptyTableRow
                    columns={COLUMNS}
                    title={t("scenarios.rules.empty")}
                    description={t("scenarios.rules.emptyHint")}
                  />
                )}
                {items?.map((rule, index) => (
                  <RuleRow
                    key={rule.id}
                    rule={rule}
                    index={index}
                    count={items.length}
                    actions={actions}
                    onEdit={() => setEditing(rule)}
                    onDelete={() => setDeleting(rule)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Alert variant="light" color="gray" icon={<IconInfoCircle />} data-testid="rules-fallback">
        {fallback ? t("scenarios.rules.fallback", { name: fallback.name }) : t("scenarios.rules.noFallback")}
      </Alert>
      {editing !== undefined && (
        <RuleModal
          company={company}
          rule={editing}
          rules={items ?? []}
          scenarios={scenarios}
          onClose={() => setEditing(undefined)}
        />
      )}
      {deleting && (
        <ConfirmModal
          title={t("scenarios.rules.deleteTitle")}
          message={t("scenarios.rules.deleteConfirm", { name: deleting.name })}
          confirmLabel={t("scenarios.rules.delete")}
          isPending={actions.remove.isPending}
          onConfirm={() => actions.remove.mutate(deleting, { onSuccess: () => setDeleting(null) })}
          onClose={() => setDeleting(null)}
          data-testid="rule-delete-confirm"
        />
      )}
    </Stack>
  );
}
