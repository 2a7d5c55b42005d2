import { Button, Card, Group, Stack, Title } from "@mantine/core";
import { IconMessageReport, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { QueryError } from "../../components/query-error";
import { useT } from "../../i18n/use-i18n";
import { DisputeForm } from "./dispute-form";
import { DisputesTable } from "./disputes-table";
import { customerDisputesQuery } from "./workbench-api";

type DisputesCardProps = { customerId: number; canWrite: boolean };

/** The customer's disputes, the held ones first, and "Open a dispute". */
export function DisputesCard({ customerId, canWrite }: DisputesCardProps): ReactNode {
  const t = useT();
  const list = useQuery(customerDisputesQuery(customerId));
  const [isFormOpen, setFormOpen] = useState(false);
  return (
    <Card withBorder radius="md" padding="md" data-testid="disputes-card">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Group gap={6}>
            <IconMessageReport size={18} stroke={1.5} aria-hidden />
            <Title order={3} size="h5">
              {t("workbench.dispute.title")}
            </Title>
          </Group>
          {canWrite && !isFormOpen && (
            <Button
              size="xs"
              variant="light"
              color="orange"
              leftSection={<IconPlus size={14} />}
              onClick={() => setFormOpen(true)}
              data-testid="dispute-open"
            >
              {t("workbench.dispute.new")}
            </Button>
          )}
        </Group>
        {isFormOpen && <DisputeForm customerId={customerId} onClose={() => setFormOpen(false)} />}
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <DisputesTable
            disputes={list.data?.items}
            showCustomer={false}
            canWrite={canWrite}
            emptyTitle={t("workbench.dispute.empty")}
          />
        )}
      </Stack>
    </Card>
  );
}
