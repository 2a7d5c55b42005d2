import { Anchor, Badge, Group, Paper, Table, Text } from "@mantine/core";
import { IconDeviceMobile, IconMail, IconMailbox, IconPhone } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { Contact } from "../../../domain/customers/customers.schemas";
import { EmptyTableRow } from "../../components/empty-table-row";
import { QueryError } from "../../components/query-error";
import { TableSkeleton } from "../../components/table-skeleton";
import { formatLanguageName } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { customerContactsQuery } from "./customers-api";

const COLUMNS = 6;
const CHANNEL_ICONS = {
  email: IconMail,
  sms: IconDeviceMobile,
  letter: IconMailbox,
  phone: IconPhone,
} as const;

function ChannelLabel({ channel }: { channel: Contact["preferredChannel"] }): ReactNode {
  const { t } = useI18n();
  const Icon = CHANNEL_ICONS[channel];
  return (
    <Group gap={6} wrap="nowrap">
      <Icon size={16} stroke={1.5} aria-hidden />
      <span>{t(`channel.${channel}`)}</span>
    </Group>
  );
}

/** The people to talk to at the customer, with links that open the mail client or the phone. */
export function ContactsTable({ customerId }: { customerId: number }): ReactNode {
  const { t, locale } = useI18n();
  const contacts = useQuery(customerContactsQuery(customerId));
  const none = <Text c="dimmed">{t("common.none")}</Text>;

  if (contacts.isError) return <QueryError error={contacts.error} onRetry={() => void contacts.refetch()} />;
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }} data-testid="contacts">
      <Table.ScrollContainer minWidth={800}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("contacts.col.name")}</Table.Th>
              <Table.Th>{t("contacts.col.role")}</Table.Th>
              <Table.Th>{t("contacts.col.email")}</Table.Th>
              <Table.Th>{t("contacts.col.phone")}</Table.Th>
              <Table.Th>{t("contacts.col.language")}</Table.Th>
              <Table.Th>{t("contacts.col.channel")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {!contacts.data && <TableSkeleton columns={COLUMNS} rows={3} />}
            {contacts.data?.items.length === 0 && (
              <EmptyTableRow columns={COLUMNS} title={t("contacts.empty")} />
            )}
            {contacts.data?.items.map((contact) => (
              <Table.Tr key={contact.id} data-testid="contact-row">
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {contact.name}
                    </Text>
                    {contact.isPrimary && (
                      <Badge size="xs" variant="light" radius="sm">
                        {t("contacts.primary")}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{t.optional("contactRole.", contact.role)}</Table.Td>
                <Table.Td>
                  {contact.email ? (
                    <Anchor href={`mailto:${contact.email}`} size="sm">
                      {contact.email}
                    </Anchor>
                  ) : (
                    none
                  )}
                </Table.Td>
                <Table.Td>
                  {contact.phone ? (
                    <Anchor
                      href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}
                      size="sm"
                      style={{ whiteSpace: "nowrap" }}
                    >
                      {contact.phone}
                    </Anchor>
                  ) : (
                    none
                  )}
                </Table.Td>
                <Table.Td>{contact.language ? formatLanguageName(contact.language, locale) : none}</Table.Td>
                <Table.Td>
                  <ChannelLabel channel={contact.preferredChannel} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
