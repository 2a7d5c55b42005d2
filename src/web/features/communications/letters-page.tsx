import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconPrinter } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { EmptyTableRow } from "../../components/empty-table-row";
import { QueryError } from "../../components/query-error";
import { useI18n } from "../../i18n/use-i18n";
import { letterPdfUrl, lettersQuery, printBatchUrl } from "./templates-api";

const COLUMNS = 5;

const todayText = (): string => new Date().toLocaleDateString("sv-SE");

/** "Courriers": the letters produced on a day, each as PDF, and the day's print batch in one file. */
export function LettersPage(): ReactNode {
  const { t } = useI18n();
  useDocumentTitle(`${t("letters.title")} — Encours`);
  const [date, setDate] = useState(todayText());
  const [duplex, setDuplex] = useState(false);
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const query = useQuery({ ...lettersQuery(date, undefined), enabled: isDate });
  const list = query.data;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={2}>{t("letters.title")}</Title>
        <Text c="dimmed" size="sm">
          {t("letters.subtitle")}
        </Text>
      </Stack>
      <Group align="end">
        <TextInput
          type="date"
          label={t("letters.date")}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          data-testid="letters-date"
        />
        <Checkbox
          label={t("letters.duplex")}
          checked={duplex}
          onChange={(e) => setDuplex(e.currentTarget.checked)}
        />
        <Button
          component="a"
          href={printBatchUrl(date, undefined, duplex)}
          leftSection={<IconPrinter size={16} />}
          disabled={!list || list.toPrint === 0}
          data-testid="print-batch"
        >
          {t("letters.batch")}
        </Button>
        {list && (
          <Text size="sm" c="dimmed">
            {t("letters.toPrint", { letters: list.toPrint, pages: list.pagesToPrint })}
          </Text>
        )}
      </Group>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card withBorder padding={0}>
          <Table data-testid="letters-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("letters.column.customer")}</Table.Th>
                <Table.Th>{t("letters.column.kind")}</Table.Th>
                <Table.Th>{t("letters.column.pages")}</Table.Th>
                <Table.Th>{t("letters.column.delivery")}</Table.Th>
                <Table.Th>{t("letters.column.file")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.isPending && isDate && (
                <Table.Tr>
                  <Table.Td colSpan={COLUMNS}>
                    <Skeleton height={24} />
                  </Table.Td>
                </Table.Tr>
              )}
              {list?.items.length === 0 && (
                <EmptyTableRow
                  columns={COLUMNS}
                  title={t("letters.empty")}
                  description={t("letters.emptyHint")}
                />
              )}
              {list?.items.map((letter) => (
                <Table.Tr key={letter.id} data-testid="letter-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${letter.customer.id}`}>
                      {letter.customer.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      {t(`letters.kind.${letter.kind}`)}
                      {letter.isRegistered && (
                        <Badge size="sm" variant="light" color="orange">
                          {t("letters.registered")}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{letter.pages}</Table.Td>
                  <Table.Td>
                    {letter.postalReference
                      ? t("letters.posted", { id: letter.postalReference })
                      : t("letters.inBatch")}
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={letterPdfUrl(letter.id)} target="_blank" rel="noopener">
                      {letter.fileName}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
