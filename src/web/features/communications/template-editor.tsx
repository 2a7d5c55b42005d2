import {
  Alert,
  Button,
  Card,
  Group,
  List,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import type { TemplateBody, TemplateKey } from "../../../domain/communications/communications.schemas";
import { isApiError } from "../../api/api-error";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { TemplatePreview } from "./template-preview";
import { saveTemplate, templateQuery } from "./templates-api";

/** "line 3, column 14: unknown variable x" from the API, in the reader's language. */
function issueText(message: string, t: ReturnType<typeof useI18n>["t"]): string {
  const located = /^line (\d+), column (\d+): (.*)$/s.exec(message);
  if (!located) return message;
  const [, line = "", column = "", rest = ""] = located;
  const unknown = /^unknown variable (.+)$/.exec(rest);
  const what = unknown ? t("templates.unknownVariable", { name: unknown[1] ?? "" }) : rest;
  return t("templates.issue", { line, column, message: what });
}

const MONO = { input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 13 } };

/** One template: its text, saved as a new version (errors with line and column), its history, its preview. */
export function TemplateEditor({
  companyId,
  templateKey,
}: {
  companyId: number;
  templateKey: TemplateKey;
}): ReactNode {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const query = useQuery(templateQuery(companyId, templateKey));
  const [body, setBody] = useState<TemplateBody>({ subject: "", html: "", text: "" });
  const [comment, setComment] = useState("");
  const detail = query.data;
  useEffect(() => {
    if (detail) setBody({ subject: detail.subject, html: detail.html, text: detail.text });
  }, [detail]);
  const save = useMutation({
    mutationFn: () =>
      saveTemplate(companyId, templateKey, {
        ...body,
        comment: comment || undefined,
        baseVersion: detail?.version,
      }),
    onSuccess: (saved) => {
      client.setQueryData(templateQuery(companyId, templateKey).queryKey, saved);
      void client.invalidateQueries({ queryKey: ["templates", companyId] });
      setComment("");
      notifications.show({ color: "green", message: t("templates.saved", { version: saved.version }) });
    },
  });
  const issues = isApiError(save.error) ? save.error.issues : [];
  const { channel } = templateKey;
  // Read the value now: the event's target is gone by the time React runs the updater.
  const set = (part: keyof TemplateBody) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setBody((b) => ({ ...b, [part]: value }));
  };
  if (!detail) return query.isError ? <Alert color="red">{query.error.message}</Alert> : null;
  return (
    <Stack gap="md">
      <Card withBorder>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={4}>{templateKey.code}</Title>
            <Text size="sm" c="dimmed">
              {detail.isShipped
                ? t("templates.shipped")
                : t("templates.version", { version: detail.version })}
            </Text>
          </Group>
          {channel !== "sms" && (
            <TextInput
              label={t("templates.subject")}
              value={body.subject}
              onChange={set("subject")}
              styles={MONO}
            />
          )}
          {channel === "email" && (
            <Textarea
              label={t("templates.html")}
              value={body.html}
              onChange={set("html")}
              autosize
              minRows={6}
              maxRows={16}
              styles={MONO}
            />
          )}
          <Textarea
            label={channel === "letter" ? t("templates.letterText") : t("templates.text")}
            description={channel === "letter" ? t("templates.letterHint") : undefined}
            value={body.text}
            onChange={set("text")}
            autosize
            minRows={channel === "sms" ? 3 : 8}
            maxRows={24}
            styles={MONO}
            data-testid="template-text"
          />
          {save.isError && (
            <Alert color="red" title={t("templates.invalid")} data-testid="template-errors">
              {issues.length > 0 ? (
                <List size="sm">
                  {issues.map((issue) => (
                    <List.Item key={`${issue.field}-${issue.message}`}>
                      {t(`templates.part.${issue.field}` as "templates.part.text")} —{" "}
                      {issueText(issue.message, t)}
                    </List.Item>
                  ))}
                </List>
              ) : (
                save.error.message
              )}
            </Alert>
          )}
          <Group align="end">
            <TextInput
              label={t("templates.comment")}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="template-save">
              {t("templates.save")}
            </Button>
          </Group>
        </Stack>
      </Card>
      <TemplatePreview companyId={companyId} templateKey={templateKey} body={body} />
      <Card withBorder>
        <Title order={5} mb="xs">
          {t("templates.history")}
        </Title>
        {detail.history.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("templates.noHistory")}
          </Text>
        ) : (
          <Table data-testid="template-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("templates.history.version")}</Table.Th>
                <Table.Th>{t("templates.history.when")}</Table.Th>
                <Table.Th>{t("templates.history.who")}</Table.Th>
                <Table.Th>{t("templates.history.comment")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.history.map((h) => (
                <Table.Tr key={h.version}>
                  <Table.Td>{h.version}</Table.Td>
                  <Table.Td>{formatDateTime(h.updatedAt, locale)}</Table.Td>
                  <Table.Td>{h.updatedBy ?? "—"}</Table.Td>
                  <Table.Td>{h.comment ?? ""}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
