import { Badge, Group } from "@mantine/core";
import type { ReactNode } from "react";
import type { Message, OutboxStatus } from "../../../domain/communications/communications.schemas";
import { useT } from "../../i18n/use-i18n";

const COLORS: Record<OutboxStatus, string> = {
  queued: "gray",
  sending: "blue",
  sent: "green",
  failed: "red",
  bounced: "red",
  cancelled: "dark",
};

/** The status, and for captured messages the plain warning that nobody received them. */
export function StatusBadge({ message }: { message: Pick<Message, "status" | "isCaptured"> }): ReactNode {
  const t = useT();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={COLORS[message.status]} variant="light" radius="sm">
        {t(`messages.status.${message.status}`)}
      </Badge>
      {message.isCaptured && (
        <Badge color="yellow" variant="light" radius="sm" data-testid="captured-badge">
          {t("messages.captured")}
        </Badge>
      )}
    </Group>
  );
}
