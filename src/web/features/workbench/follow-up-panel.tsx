import { Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { hasRole } from "../auth/roles";
import { useMe } from "../auth/use-me";
import { CallForm } from "./call-form";
import { DisputesCard } from "./disputes-card";
import { NotesCard } from "./notes-card";
import { PromisesCard } from "./promises-card";
import { WORKBENCH_WRITE_ROLES } from "./workbench-api";

/**
 * The customer's "Suivi / Follow-up" tab: log a call (with a promise, a dispute and the next task), the
 * promises to pay, the disputes and the notes. Sales reps and viewers read; the people who work customers write.
 */
export function FollowUpPanel({ customerId }: { customerId: number }): ReactNode {
  const canWrite = hasRole(useMe(), WORKBENCH_WRITE_ROLES);
  return (
    <Stack gap="md" data-testid="customer-follow-up">
      {canWrite && <CallForm customerId={customerId} />}
      <PromisesCard customerId={customerId} canWrite={canWrite} />
      <DisputesCard customerId={customerId} canWrite={canWrite} />
      <NotesCard customerId={customerId} canWrite={canWrite} />
    </Stack>
  );
}
