import {
  Anchor,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import { IconAlertTriangle, IconScale } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { ClaimItem, ClaimTotal, CustomerClaim } from "../../../domain/legal/legal.schemas";
import { apiUrl } from "../../api/api-client";
import { DateText } from "../../components/date-text";
import { Money } from "../../components/money";
import { QueryError } from "../../components/query-error";
import { useT } from "../../i18n/use-i18n";
import { customerClaimQuery } from "./legal-api";

function TotalTile({
  label,
  amount,
  currency,
  strong,
}: {
  label: string;
  amount: string;
  currency: string;
  strong?: boolean;
}) {
  return (
    <Paper withBorder radius="sm" p="xs">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Money amount={amount} currency={currency} fw={strong ? 700 : 600} fz={strong ? "lg" : "md"} />
    </Paper>
  );
}

function ClaimTotals({ totals }: { totals: ClaimTotal[] }): ReactNode {
  const t = useT();
  return (
    <Stack gap="xs" data-testid="claim-totals">
      {totals.map((total) => (
        <SimpleGrid
          key={total.currency}
          cols={{ base: 2, sm: 4 }}
          spacing="xs"
          data-currency={total.currency}
        >
          <TotalTile label={t("legal.claim.principal")} amount={total.principal} currency={total.currency} />
          <TotalTile label={t("legal.claim.interest")} amount={total.interest} currency={total.currency} />
          <TotalTile
            label={t("legal.claim.compensation")}
            amount={total.compensation}
            currency={total.currency}
          />
          <TotalTile label={t("legal.claim.total")} amount={total.total} currency={total.currency} strong />
        </SimpleGrid>
      ))}
    </Stack>
  );
}

function FlagsIcon({ item }: { item: ClaimItem }): ReactNode {
  const t = useT();
  if (item.flags.length === 0) return null;
  const label = [...new Set(item.flags.map((flag) => t(`legal.flag.${flag.code}`)))].join(" ");
  return (
    <Tooltip label={label} multiline w={360} withArrow>
      <IconAlertTriangle
        size={16}
        color="var(--mantine-color-orange-6)"
        aria-label={label}
        data-testid="claim-flag"
      />
    </Tooltip>
  );
}

function ClaimTable({ items }: { items: ClaimItem[] }): ReactNode {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table verticalSpacing={6} fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("legal.claim.invoice")}</Table.Th>
            <Table.Th>{t("legal.claim.dueDate")}</Table.Th>
            <Table.Th ta="right">{t("legal.claim.daysLate")}</Table.Th>
            <Table.Th ta="right">{t("legal.claim.principal")}</Table.Th>
            <Table.Th ta="right">{t("legal.claim.interest")}</Table.Th>
            <Table.Th ta="right">{t("legal.claim.compensation")}</Table.Th>
            <Table.Th w={32} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.invoiceId} data-testid="claim-item">
              <Table.Td>{item.number}</Table.Td>
              <Table.Td>
                <DateText value={item.dueDate} />
              </Table.Td>
              <Table.Td ta="right">{t.plural("days.overdue", item.daysOverdue)}</Table.Td>
              <Table.Td ta="right">
                <Money amount={item.principal} currency={item.currency} />
              </Table.Td>
              <Table.Td ta="right">
                <Money amount={item.interest} currency={item.currency} />
              </Table.Td>
              <Table.Td ta="right">
                <Money amount={item.compensation} currency={item.compensationCurrency} />
              </Table.Td>
              <Table.Td>
                <FlagsIcon item={item} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ClaimBody({ claim }: { claim: CustomerClaim }): ReactNode {
  const t = useT();
  if (claim.items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="claim-empty">
        {t("legal.claim.empty")}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <ClaimTotals totals={claim.totals} />
      <ClaimTable items={claim.items} />
      <Text size="xs" c="dimmed">
        {claim.jurisdiction
          ? t("legal.claim.basis", { rule: t(`legal.regime.${claim.jurisdiction}`) })
          : t("legal.claim.noRegime", { country: claim.country })}
      </Text>
    </Stack>
  );
}

/** "Créance": what the customer owes today: principal of each overdue invoice, late interest, indemnities. */
export function ClaimCard({ customerId }: { customerId: number }): ReactNode {
  const t = useT();
  const claim = useQuery(customerClaimQuery(customerId));
  return (
    <Card withBorder radius="md" padding="md" data-testid="customer-claim">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Group gap={6}>
            <IconScale size={18} stroke={1.5} aria-hidden />
            <Title order={3} size="h5">
              {t("legal.claim.title")}
            </Title>
          </Group>
          <Group gap="sm">
            {claim.data && (
              <Text size="xs" c="dimmed">
                {t("legal.claim.asOf")} <DateText value={claim.data.asOf} />
              </Text>
            )}
            <Anchor
              size="xs"
              href={apiUrl(`/customers/${customerId}/statement.pdf`)}
              target="_blank"
              rel="noopener"
              data-testid="claim-statement-pdf"
            >
              {t("legal.claim.statementPdf")}
            </Anchor>
          </Group>
        </Group>
        {claim.isError && <QueryError error={claim.error} onRetry={() => void claim.refetch()} />}
        {claim.isPending && <Skeleton height={96} radius="sm" />}
        {claim.data && <ClaimBody claim={claim.data} />}
      </Stack>
    </Card>
  );
}
