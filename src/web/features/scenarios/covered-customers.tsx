import { Anchor, Badge, Paper, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { EmptyTableRow } from "../../components/empty-table-row";
import { PaginationBar } from "../../components/pagination-bar";
import { QueryError } from "../../components/query-error";
import { TableSkeleton } from "../../components/table-skeleton";
import { readPageSize } from "../../hooks/page-size";
import { readPositiveInt, useUrlParams } from "../../hooks/use-url-params";
import { useT } from "../../i18n/use-i18n";
import { type CoveredCustomer, coveredCustomersQuery } from "./scenarios-api";

const COLUMNS = 3;
const SOURCE_COLORS = { override: "grape", rule: "indigo", default: "gray" } as const;

function SourceBadge({ customer }: { customer: CoveredCustomer }): ReactNode {
  const t = useT();
  const label =
    customer.source === "rule" && customer.ruleName
      ? t("scenarios.customers.byRule", { name: customer.ruleName })
      : t(`scenarios.customers.source.${customer.source}`);
  return (
    <Badge variant="light" color={SOURCE_COLORS[customer.source]} radius="sm" data-testid="covered-source">
      {label}
    </Badge>
  );
}

/** The customers this scenario covers today, and why: chosen on the customer, by a rule, or by default. */
export function CoveredCustomers({ scenarioId }: { scenarioId: number }): ReactNode {
  const t = useT();
  const { params, update } = useUrlParams();
  const page = readPositiveInt(params, "page") ?? 1;
  const pageSize = readPageSize(params);
  const query = useQuery(coveredCustomersQuery(scenarioId, page, pageSize));
  const items = query.data?.items;
  const total = query.data?.total;

  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Stack gap="sm" data-testid="covered-customers">
      <Text size="sm" c="dimmed">
        {t("scenarios.customers.hint")}
      </Text>
      <Paper
        withBorder
        radius="md"
        style={{ overflow: "hidden", opacity: query.isPlaceholderData ? 0.6 : 1 }}
      >
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("scenarios.customers.col.customer")}</Table.Th>
                <Table.Th>{t("scenarios.customers.col.segment")}</Table.Th>
                <Table.Th>{t("scenarios.customers.col.source")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {!items && <TableSkeleton columns={COLUMNS} rows={5} />}
              {items?.length === 0 && (
                <EmptyTableRow columns={COLUMNS} title={t("scenarios.customers.empty")} />
              )}
              {items?.map((customer) => (
                <Table.Tr key={customer.id} data-testid="covered-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${customer.id}`} fw={600} size="sm" c="inherit">
                      {customer.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {customer.externalRef}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {customer.segment ? t.optional("segment.", customer.segment) : t("common.none")}
                  </Table.Td>
                  <Table.Td>
                    <SourceBadge customer={customer} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {total !== undefined && total > 0 && (
        <PaginationBar
          page={page}
          pageSize={pageSize}
          total={total}
          onPageChange={(next) => update({ page: next })}
          onPageSizeChange={(next) => update({ pageSize: next })}
        />
      )}
    </Stack>
  );
}
