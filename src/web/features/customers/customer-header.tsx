import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { CustomerDetail } from "../../../domain/customers/customers.schemas";
import { StrategicBadge } from "../../components/strategic-badge";
import { formatMoney, formatNumber } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { AccountStatusBadge } from "../dunning/account-status-badge";
import { CreditUsage } from "./credit-usage";

function Field({ label, children }: { label: string; children: ReactNode }): ReactNode {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: "0.03em" }}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** Who the customer is and who works it: the card at the top of the customer page. */
export function CustomerHeader({ customer }: { customer: CustomerDetail }): ReactNode {
  const { t, locale } = useI18n();
  const none = t("common.none");
  return (
    <Card withBorder radius="md" padding="lg" data-testid="customer-header">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4}>
            <Group gap="xs" align="center">
              <Title order={1} size="h2" data-testid="customer-name">
                {customer.name}
              </Title>
              {customer.isStrategic && <StrategicBadge size="sm" />}
              {customer.riskClass && (
                <Badge variant="outline" color="grape" size="sm" radius="sm">
                  {t("customer.riskBadge", { risk: customer.riskClass })}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t("customer.externalRef")} {customer.externalRef}
            </Text>
          </Stack>
        </Group>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="md">
          <Field label={t("customer.company")}>
            {customer.company.code} · {customer.company.name}
          </Field>
          <Field label={t("customer.segment")}>
            {customer.segment ? t.optional("segment.", customer.segment) : none}
          </Field>
          <Field label={t("customer.collector")}>{customer.collector?.name ?? none}</Field>
          <Field label={t("customer.salesRep")}>{customer.salesRep?.name ?? none}</Field>
          <Field label={t("customer.paymentTerms")}>{customer.paymentTerms ?? none}</Field>
          <Field label={t("customer.riskClass")}>{customer.riskClass ?? none}</Field>
          <Field label={t("customer.creditLimit")}>
            <CreditUsage customer={customer} />
          </Field>
          <Field label={t("customer.accountStatus")}>
            <AccountStatusBadge status={customer.accountStatus} />
          </Field>
          {customer.group && (
            <Field label={t("customer.group")}>
              <Text size="sm" data-testid="customer-group">
                {t("customer.groupValue", {
                  name: customer.group.name,
                  exposure: formatMoney(customer.group.exposure, customer.group.currency, locale),
                  limit: customer.group.creditLimit
                    ? formatMoney(customer.group.creditLimit, customer.group.currency, locale)
                    : none,
                })}
              </Text>
            </Field>
          )}
          <Field label={t("customer.avgPaymentDelay")}>
            {customer.avgPaymentDelay === null
              ? none
              : t("customer.days", { days: formatNumber(customer.avgPaymentDelay, locale) })}
          </Field>
          <Field label={t("customer.dso")}>
            {customer.dso === null ? none : t("customer.days", { days: formatNumber(customer.dso, locale) })}
          </Field>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
