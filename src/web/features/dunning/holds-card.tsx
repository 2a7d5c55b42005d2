import { Badge, Button, Card, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconPlayerPause, IconPlayerPlay } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import type { Hold } from "../../../domain/dunning/dunning.schemas";
import { DateText } from "../../components/date-text";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { hasRole } from "../auth/roles";
import { useMe } from "../auth/use-me";
import { HoldForm } from "./hold-form";
import { HOLD_ROLES, useReleaseHold } from "./use-customer-dunning";

const KIND_COLORS: Record<Hold["kind"], string> = {
  manual: "blue",
  dispute: "orange",
  promise: "teal",
  litigation: "red",
  credit_balance: "violet",
};

type HoldsCardProps = { customerId: number; holds: Hold[] };

/** What stops the dunning of this customer now, a way to resume manual holds, and a way to add one. */
export function HoldsCard({ customerId, holds }: HoldsCardProps): ReactNode {
  const { t } = useI18n();
  const canHold = hasRole(useMe(), HOLD_ROLES);
  const [isFormOpen, setFormOpen] = useState(false);
  return (
    <Card withBorder radius="md" padding="md" data-testid="customer-holds">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Group gap={6}>
            <IconPlayerPause size={18} stroke={1.5} aria-hidden />
            <Title order={3} size="h5">
              {t("dunning.hold.title")}
            </Title>
          </Group>
          {canHold && !isFormOpen && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlayerPause size={14} />}
              onClick={() => setFormOpen(true)}
              data-testid="hold-open"
            >
              {t("dunning.hold.open")}
            </Button>
          )}
        </Group>
        {holds.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="holds-empty">
            {t("dunning.hold.none")}
          </Text>
        )}
        {holds.map((hold) => (
          <HoldRow key={hold.id} customerId={customerId} hold={hold} canRelease={canHold} />
        ))}
        {isFormOpen && <HoldForm customerId={customerId} onClose={() => setFormOpen(false)} />}
      </Stack>
    </Card>
  );
}

function HoldRow({
  customerId,
  hold,
  canRelease,
}: {
  customerId: number;
  hold: Hold;
  canRelease: boolean;
}): ReactNode {
  const { t, locale } = useI18n();
  const release = useReleaseHold(customerId);
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="hold-row" data-kind={hold.kind}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Badge color={KIND_COLORS[hold.kind]} variant="light" radius="sm">
              {t(`dunning.hold.kind.${hold.kind}`)}
            </Badge>
            <Text size="sm" fw={600}>
              {hold.invoiceNumber
                ? t("dunning.hold.scopeInvoice", { invoice: hold.invoiceNumber })
                : t("dunning.hold.scopeCustomer")}
            </Text>
          </Group>
          <Text size="sm" style={{ wordBreak: "break-word" }} data-testid="hold-reason-text">
            {hold.reason}
          </Text>
          <Text size="xs" c="dimmed">
            {hold.untilDate ? (
              <>
                {t("dunning.hold.until")} <DateText value={hold.untilDate} />
              </>
            ) : (
              t("dunning.hold.noEnd")
            )}
            {" · "}
            {hold.createdBy
              ? t("dunning.hold.createdBy", {
                  name: hold.createdBy,
                  date: formatDateTime(hold.createdAt, locale),
                })
              : formatDateTime(hold.createdAt, locale)}
          </Text>
        </Stack>
        {hold.kind === "manual" && canRelease && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlayerPlay size={14} />}
            onClick={() => release.mutate(hold.id)}
            loading={release.isPending}
            aria-label={t("dunning.hold.releaseLabel", { reason: hold.reason })}
            data-testid="hold-release"
          >
            {t("dunning.hold.release")}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
