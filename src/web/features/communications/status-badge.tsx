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

/** The status (an interrupted delivery says so), and for captured messages the plain warning that nobody received them. */
export function StatusBadge({
  message,
}: {
  message: Pick<Message, "status" | "isCaptured" | "isInterrupted">;
}): ReactNode {
  const t = useT();
  return (
    <Group gap={4} wrap="nowrap">
      {message.isInterrupted ? (
        <Badge color="orange" variant="light" radius="sm" data-testid="interrupted-badge">
          {t("messages.status.interrupted")}
        </Badge>
      ) : (
        <Badge color={COLORS[message.status]} variant="light" radius="sm">
          {t(`messages.status.${message.status}`)}
        </Badge>
      )}
      {message.isCaptured && (
        <Badge color="yellow" variant="light" radius="sm" data-testid="captured-badge">
          {t("messages.captured")}
        </Badge>
      )}
    </Group>
  );
}
