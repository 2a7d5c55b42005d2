import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import {
  type Message,
  OUTBOX_STATUSES,
  type OutboxStatus,
} from "../../../domain/communications/communications.schemas";
import { EmptyTableRow } from "../../components/empty-table-row";
import { QueryError } from "../../components/query-error";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { messagesQuery } from "./communications-api";
import { MessageDrawer } from "./message-drawer";
import { StatusBadge } from "./status-badge";

const COLUMNS = 5;

/** "Messages envoyés": what left the outbox (or waits, or failed); a row opens the full message. */
export function MessagesPage(): ReactNode {
  const { t, locale } = useI18n();
  useDocumentTitle(`${t("messages.title")} — Encours`);
  // "interrupted" is not a status of its own: `sending` an hour after the claim.
  const [status, setStatus] = useState<OutboxStatus | "interrupted" | null>(null);
  const [open, setOpen] = useState<Message | null>(null);
  const query = useQuery(
    messagesQuery(status === "interrupted" ? { status: null, interrupted: true } : { status }),
  );
  // Every list carries the count of interrupted deliveries, beyond its limit too.
  const interruptedCount = query.data?.interrupted ?? 0;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={2}>{t("messages.title")}</Title>
        <Text c="dimmed" size="sm">
          {t("messages.subtitle")}
        </Text>
      </Stack>
      {interruptedCount > 0 && status !== "interrupted" && (
        <Alert color="orange" data-testid="interrupted-banner">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t("messages.interrupted.banner", { count: interruptedCount })}</Text>
            <Button size="xs" variant="light" color="orange" onClick={() => setStatus("interrupted")}>
              {t("messages.interrupted.show")}
            </Button>
          </Group>
        </Alert>
      )}
      <Group>
        <Select
          aria-label={t("messages.column.status")}
          data-testid="messages-status"
          placeholder={t("messages.allStatuses")}
          clearable
          value={status}
          onChange={(value) => setStatus(value as OutboxStatus | "interrupted" | null)}
          data={[...OUTBOX_STATUSES, "interrupted" as const].map((s) => ({
            value: s,
            label: t(`messages.status.${s}`),
          }))}
        />
      </Group>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card withBorder padding={0}>
          <Table highlightOnHover data-testid="messages-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("messages.column.date")}</Table.Th>
                <Table.Th>{t("messages.column.customer")}</Table.Th>
                <Table.Th>{t("messages.column.recipient")}</Table.Th>
                <Table.Th>{t("messages.column.subject")}</Table.Th>
                <Table.Th>{t("messages.column.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.isPending && (
                <Table.Tr>
                  <Table.Td colSpan={COLUMNS}>
                    <Skeleton height={24} />
                  </Table.Td>
                </Table.Tr>
              )}
              {query.data?.items.length === 0 && (
                <EmptyTableRow
                  columns={COLUMNS}
                  title={t("messages.empty")}
                  description={t("messages.emptyHint")}
                />
              )}
              {query.data?.items.map((message) => (
                <Table.Tr
                  key={message.id}
                  data-testid="message-row"
                  style={{ cursor: "pointer" }}
                  onClick={() => setOpen(message)}
                >
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {formatDateTime(message.sentAt ?? message.notBefore, locale)}
                  </Table.Td>
                  <Table.Td>
                    {message.customer ? (
                      <Anchor
                        component={Link}
                        to={`/customers/${message.customer.id}`}
                        onClick={(e) => e.stopPropagation()}
                      >
                        {message.customer.name}
                      </Anchor>
                    ) : (
                      "—"
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate="end" maw={240}>
                      {message.recipient ?? "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate="end" maw={360}>
                      {message.rendered?.subject ?? message.template ?? ""}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge message={message} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <MessageDrawer message={open} onClose={() => setOpen(null)} onSettled={setOpen} />
    </Stack>
  );
}
