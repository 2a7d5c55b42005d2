import { SimpleGrid, Skeleton, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { QueryError } from "../../components/query-error";
import { ClaimCard } from "../legal/claim-card";
import { customerDunningQuery } from "./dunning-api";
import { HoldsCard } from "./holds-card";
import { NextActionCard } from "./next-action-card";
import { RecentActions } from "./recent-actions";
import { ScenarioCard } from "./scenario-card";

type CustomerDunningPanelProps = { customerId: number; companyId: number };

/** The "Dunning" tab of the customer page: scenario, next action, holds and the recent actions. */
export function CustomerDunningPanel({ customerId, companyId }: CustomerDunningPanelProps): ReactNode {
  const dunning = useQuery(customerDunningQuery(customerId));
  if (dunning.isError) return <QueryError error={dunning.error} onRetry={() => void dunning.refetch()} />;
  if (!dunning.data) return <Skeleton height={320} radius="md" />;
  return (
    <Stack gap="md" data-testid="customer-dunning">
      <ClaimCard customerId={customerId} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ScenarioCard customerId={customerId} companyId={companyId} dunning={dunning.data} />
        <NextActionCard dunning={dunning.data} />
      </SimpleGrid>
      <HoldsCard customerId={customerId} holds={dunning.data.holds} />
      <RecentActions actions={dunning.data.recentActions} />
    </Stack>
  );
}
