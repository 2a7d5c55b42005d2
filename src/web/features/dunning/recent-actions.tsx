import { Card, Group, Table, Text, Title } from "@mantine/core";
import { IconHistory } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { PlannedAction } from "../../../domain/dunning/dunning.schemas";
import { DateText } from "../../components/date-text";
import { EmptyTableRow } from "../../components/empty-table-row";
import { useI18n } from "../../i18n/use-i18n";
import { ActionStatusBadge } from "./action-status-badge";
import { ActionTypeLabel } from "./action-type";
import { describeReason, describeRecipient } from "./describe-reason";

const COLUMNS = 6;

/** The customer's latest dunning actions, newest first. */
export function RecentActions({ actions }: { actions: PlannedAction[] }): ReactNode {
  const { t, locale } = useI18n();
  return (
    <Card withBorder radius="md" padding="md" data-testid="recent-actions">
      <Card.Section withBorder inheritPadding py="sm">
        <Group gap={6}>
          <IconHistory size={18} stroke={1.5} aria-hidden />
          <Title order={3} size="h5">
            {t("dunning.recent.title")}
          </Title>
        </Group>
      </Card.Section>
      <Card.Section>
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="xs" striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("dunning.col.date")}</Table.Th>
                <Table.Th>{t("dunning.col.step")}</Table.Th>
                <Table.Th>{t("dunning.col.type")}</Table.Th>
                <Table.Th>{t("dunning.col.recipient")}</Table.Th>
                <Table.Th>{t("dunning.col.status")}</Table.Th>
                <Table.Th>{t("dunning.col.reason")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {actions.length === 0 && <EmptyTableRow columns={COLUMNS} title={t("dunning.recent.empty")} />}
              {actions.map((action) => (
                <Table.Tr key={action.id} data-testid="recent-action">
                  <Table.Td>
                    <DateText value={action.runDate} />
                  </Table.Td>
                  <Table.Td>{action.stepName}</Table.Td>
                  <Table.Td>
                    <ActionTypeLabel type={action.type} channel={action.channel} />
                  </Table.Td>
                  <Table.Td maw={220}>
                    <Text size="sm" truncate="end" title={action.recipient ?? undefined}>
                      {describeRecipient(t, action)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ActionStatusBadge action={action} />
                  </Table.Td>
                  <Table.Td miw={280} maw={420}>
                    {describeReason(t, action, locale)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card.Section>
    </Card>
  );
}
