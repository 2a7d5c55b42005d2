import { Alert, Anchor, Badge, Drawer, Group, Stack, Tabs, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { Message } from "../../../domain/communications/communications.schemas";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { hasRole } from "../auth/roles";
import { useMe } from "../auth/use-me";
import { InterruptedDelivery } from "./interrupted-delivery";
import { StatusBadge } from "./status-badge";
import { letterPdfUrl } from "./templates-api";

/** Who may settle an interrupted delivery; the API checks the same roles. */
const SETTLE_ROLES = ["admin", "credit_manager"] as const;

/** A sent or cancelled message's text says why (settled by hand, settled invoices), not what failed. */
function isStatusNote(message: Message): boolean {
  return message.status === "sent" || message.status === "cancelled";
}

/**
 * The full content of one message; the HTML part is shown in a sandboxed frame (no scripts, no links out). An
 * interrupted delivery says so, with the ways to settle it.
 */
export function MessageDrawer({
  message,
  onClose,
  onSettled,
}: {
  message: Message | null;
  onClose(): void;
  onSettled(message: Message): void;
}): ReactNode {
  const { t, locale } = useI18n();
  const canSettle = hasRole(useMe(), SETTLE_ROLES);
  return (
    <Drawer
      opened={message !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={t("messages.detail")}
    >
      {message && (
        <Stack gap="sm" data-testid="message-drawer">
          <Group gap="xs">
            <StatusBadge message={message} />
            {message.rendered && (
              <Badge variant="outline">{`${t("messages.language")} : ${message.rendered.language}`}</Badge>
            )}
          </Group>
          {message.isCaptured && <Alert color="yellow">{t("messages.capturedHint")}</Alert>}
          {message.isInterrupted && (
            <InterruptedDelivery
              key={message.id}
              message={message}
              canSettle={canSettle}
              onSettled={onSettled}
            />
          )}
          <Text size="sm">
            <strong>{t("messages.column.recipient")} :</strong> {message.recipient ?? "—"}
          </Text>
          <Text size="sm">
            <strong>{t("messages.column.date")} :</strong>{" "}
            {formatDateTime(message.sentAt ?? message.notBefore, locale)}
          </Text>
          <Text size="sm">
            <strong>{t("messages.attempts")} :</strong> {message.attempts}
          </Text>
          {message.providerMessageId && (
            <Text size="sm" ff="monospace">
              {`${t("messages.providerId")} : ${message.providerMessageId}`}
            </Text>
          )}
          {message.letterId !== null && (
            <Anchor href={letterPdfUrl(message.letterId)} target="_blank" rel="noopener" size="sm">
              {t("messages.letterPdf")}
            </Anchor>
          )}
          {message.lastError && (
            <Alert
              color={isStatusNote(message) ? "gray" : "red"}
              title={t(isStatusNote(message) ? "messages.statusNote" : "messages.lastError")}
            >
              {message.lastError}
            </Alert>
          )}
          {message.rendered ? (
            <>
              <Text fw={600}>{message.rendered.subject}</Text>
              <Tabs defaultValue="html">
                <Tabs.List>
                  <Tabs.Tab value="html">{t("messages.html")}</Tabs.Tab>
                  <Tabs.Tab value="text">{t("messages.text")}</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="html" pt="sm">
                  <iframe
                    title={message.rendered.subject}
                    sandbox=""
                    srcDoc={message.rendered.html}
                    style={{ width: "100%", height: 520, border: "1px solid #dee2e6", borderRadius: 4 }}
                  />
                </Tabs.Panel>
                <Tabs.Panel value="text" pt="sm">
                  <Text component="pre" size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {message.rendered.text}
                  </Text>
                </Tabs.Panel>
              </Tabs>
            </>
          ) : (
            <Text c="dimmed">{t("messages.notRendered")}</Text>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
