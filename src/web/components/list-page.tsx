import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { PaginationBar } from "./pagination-bar";
import { QueryError } from "./query-error";

type ListPageProps = {
  title: string;
  /** "1 234 clients", once the first page has arrived. */
  countLabel: (total: number) => string;
  filters: ReactNode;
  list: UseQueryResult<{ total: number }>;
  page: number;
  pageSize: number;
  update(changes: { page?: number; pageSize?: number }): void;
  /** The table; it shows its own skeleton and empty state. */
  children: ReactNode;
  "data-testid"?: string;
};

/** The frame shared by server-paginated lists: title and count, filters, table, pagination. */
export function ListPage(props: ListPageProps): ReactNode {
  const { list, page, pageSize, update } = props;
  const total = list.data?.total;
  useDocumentTitle(`${props.title} · Encours`);
  return (
    <Stack gap="md" data-testid={props["data-testid"]}>
      <Group justify="space-between" align="baseline">
        <Title order={1} size="h2">
          {props.title}
        </Title>
        {total !== undefined && (
          <Text c="dimmed" size="sm" data-testid="list-total">
            {props.countLabel(total)}
          </Text>
        )}
      </Group>
      <Paper withBorder p="sm" radius="md">
        {props.filters}
      </Paper>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Paper
          withBorder
          radius="md"
          style={{ overflow: "hidden", opacity: list.isPlaceholderData ? 0.6 : 1 }}
        >
          {props.children}
        </Paper>
      )}
      {total !== undefined && total > 0 && (
        <PaginationBar
          page={page}
          pageSize={pageSize}
          total={total}
          onPageChange={(next) => {
            update({ page: next });
            window.scrollTo({ top: 0 });
          }}
          onPageSizeChange={(next) => update({ pageSize: next })}
        />
      )}
    </Stack>
  );
}
