import { Badge, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { PlannedAction } from "../../../domain/dunning/dunning.schemas";
import { useT } from "../../i18n/use-i18n";
import { ActionTypeLabel } from "./action-type";

type ActionCellProps = {
  action: Pick<PlannedAction, "type" | "channel" | "stepName" | "scenario" | "status">;
  withScenario?: boolean;
  /** Off in the review queue, where every action waits for review. */
  withReviewBadge?: boolean;
};

/** What the action is (type and channel) and the step it comes from, in one table cell. */
export function ActionCell({
  action,
  withScenario = false,
  withReviewBadge = true,
}: ActionCellProps): ReactNode {
  const t = useT();
  return (
    <Stack gap={2}>
      <ActionTypeLabel type={action.type} channel={action.channel} />
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          {withScenario ? `${action.stepName} · ${action.scenario}` : action.stepName}
        </Text>
        {withReviewBadge && action.status === "pending_review" && (
          <Badge size="xs" color="orange" variant="light" radius="sm">
            {t("dunning.status.pending_review")}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}
