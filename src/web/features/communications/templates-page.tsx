import {
  Badge,
  Card,
  Group,
  NavLink,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import {
  TEMPLATE_CHANNELS,
  type TemplateChannel,
  type TemplateKey,
} from "../../../domain/communications/communications.schemas";
import { LanguageCode } from "../../../shared/schemas";
import { QueryError } from "../../components/query-error";
import { readPositiveInt, useUrlParams } from "../../hooks/use-url-params";
import { useI18n } from "../../i18n/use-i18n";
import { companiesQuery } from "../companies/companies-api";
import { TemplateEditor } from "./template-editor";
import { templatesQuery } from "./templates-api";

/** "Modèles de messages": every template per channel and language, edited with a live preview. */
export function TemplatesPage(): ReactNode {
  const { t } = useI18n();
  useDocumentTitle(`${t("templates.title")} — Encours`);
  const { params, update } = useUrlParams();
  const companies = useQuery(companiesQuery);
  const companyId = readPositiveInt(params, "companyId") ?? companies.data?.items[0]?.id;
  const channel = (TEMPLATE_CHANNELS as readonly string[]).includes(params.get("channel") ?? "")
    ? (params.get("channel") as TemplateChannel)
    : "email";
  const parsedLanguage = LanguageCode.safeParse(params.get("language"));
  const language = parsedLanguage.success ? parsedLanguage.data : "fr";
  const code = params.get("code");
  const list = useQuery(templatesQuery(companyId));
  const items = (list.data?.items ?? []).filter((i) => i.channel === channel && i.language === language);
  const selected: TemplateKey | null =
    code && items.some((i) => i.code === code) ? { code, language, channel } : null;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={2}>{t("templates.title")}</Title>
        <Text c="dimmed" size="sm">
          {t("templates.subtitle")}
        </Text>
      </Stack>
      <Group align="end">
        {(companies.data?.items.length ?? 0) > 1 && (
          <Select
            label={t("templates.company")}
            value={companyId === undefined ? null : String(companyId)}
            onChange={(value) => update({ companyId: value, code: null })}
            data={(companies.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          />
        )}
        <SegmentedControl
          value={channel}
          onChange={(value) => update({ channel: value, code: null })}
          data={TEMPLATE_CHANNELS.map((c) => ({ value: c, label: t(`templates.channel.${c}`) }))}
          data-testid="template-channel"
        />
        <Select
          aria-label={t("templates.language")}
          value={language}
          onChange={(value) => update({ language: value })}
          data={LanguageCode.options.map((l) => ({ value: l, label: t(`templates.language.${l}`) }))}
          allowDeselect={false}
          w={160}
        />
      </Group>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Group align="start" wrap="nowrap" gap="md">
          <Card withBorder padding={4} w={280} style={{ flexShrink: 0 }} data-testid="template-list">
            {list.isPending && <Skeleton height={120} />}
            {items.map((item) => (
              <NavLink
                key={item.code}
                label={item.code}
                active={item.code === code}
                onClick={() => update({ code: item.code })}
                description={
                  item.isShipped
                    ? item.isFallback
                      ? t("templates.fallback")
                      : t("templates.shipped")
                    : t("templates.version", { version: item.version })
                }
                rightSection={
                  !item.isShipped && (
                    <Badge size="xs" variant="light">
                      {t("templates.own")}
                    </Badge>
                  )
                }
              />
            ))}
          </Card>
          <div style={{ flex: 1, minWidth: 0 }}>
            {selected && companyId !== undefined ? (
              <TemplateEditor
                key={`${selected.code}/${language}/${channel}`}
                companyId={companyId}
                templateKey={selected}
              />
            ) : (
              <Text c="dimmed">{t("templates.pick")}</Text>
            )}
          </div>
        </Group>
      )}
    </Stack>
  );
}
