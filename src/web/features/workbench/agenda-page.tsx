import { Alert, Button, Group, SegmentedControl, Select, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconAdjustmentsHorizontal, IconUsersGroup } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { useNavigate } from "react-router";
import {
  AGENDA_KINDS,
  AGENDA_WINDOWS,
  type AgendaItem,
  type AgendaKind,
  type AgendaWindow,
} from "../../../domain/workbench/agenda.schemas";
import { QueryError } from "../../components/query-error";
import { SearchInput } from "../../components/search-input";
import { readChoice, readPositiveInt, readText, useUrlParams } from "../../hooks/use-url-params";
import { useT } from "../../i18n/use-i18n";
import { hasRole } from "../auth/roles";
import { useMe } from "../auth/use-me";
import { AGENDA_MANAGER_ROLES, AGENDA_SNOOZE_ROLES, agendaQuery, collectorsQuery } from "./agenda-api";
import { AgendaList } from "./agenda-list";
import { ReassignModal } from "./reassign-modal";
import { SnoozeModal } from "./snooze-modal";
import { WeightsModal } from "./weights-modal";

const KIND_FILTERS = ["all", ...AGENDA_KINDS] as const;

/** Keys typed in a field, or while a dialog is open, are not shortcuts. */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.closest("[role=dialog]")) return true;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.isContentEditable;
}

/** `/agenda`: "Mon agenda", the collectors' home: what to do today, most urgent first, at the keyboard. */
export function AgendaPage(): ReactNode {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const isManager = hasRole(me, AGENDA_MANAGER_ROLES);
  const canSnooze = hasRole(me, AGENDA_SNOOZE_ROLES);
  const { params, update } = useUrlParams();
  const kind = readChoice(params, "kind", KIND_FILTERS, "all");
  const window = readChoice<AgendaWindow>(params, "window", AGENDA_WINDOWS, "week");
  const q = readText(params, "q") ?? "";
  const collectorId = isManager ? readPositiveInt(params, "collectorId") : undefined;
  const agenda = useQuery(
    agendaQuery({
      collectorId,
      kind: kind === "all" ? undefined : (kind as AgendaKind),
      window,
      q: q || undefined,
    }),
  );
  const collectors = useQuery({ ...collectorsQuery, enabled: isManager });
  const items = agenda.data?.items ?? [];
  const [current, setCurrent] = useState(0);
  const [snoozing, setSnoozing] = useState<AgendaItem | null>(null);
  const [weightsOpen, setWeightsOpen] = useState(false);
  const [reassignOpen, setReassignOpen] = useState(false);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const isOwn = agenda.data === undefined || agenda.data.owner.id === me?.user.id;
  useDocumentTitle(`${t("agenda.title")} · Encours`);

  const index = Math.min(current, Math.max(0, items.length - 1));
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event) || items.length === 0) return;
      const item = items[index];
      if (event.key === "j" || event.key === "ArrowDown") setCurrent(Math.min(items.length - 1, index + 1));
      else if (event.key === "k" || event.key === "ArrowUp") setCurrent(Math.max(0, index - 1));
      else if (event.key === "Enter" && item && (event.target as HTMLElement).closest?.("[data-agenda-row]"))
        void navigate(`/customers/${item.customer.id}?tab=followup`);
      else if (event.key === "s" && item && canSnooze) setSnoozing(item);
      else return;
      event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [items, index, navigate, canSnooze]);

  const toggle = (customerId: number) =>
    setChecked((previous) => {
      const next = new Set(previous);
      if (next.has(customerId)) next.delete(customerId);
      else next.add(customerId);
      return next;
    });

  return (
    <Stack gap="md" data-testid="agenda-page">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {isOwn || !agenda.data
              ? t("agenda.title")
              : t("agenda.titleOf", { name: agenda.data.owner.name })}
          </Title>
          {agenda.data && (
            <Text size="sm" c="dimmed" data-testid="agenda-count">
              {t.plural("agenda.count", agenda.data.items.length)} · {t("agenda.keyboardHint")}
            </Text>
          )}
        </Stack>
        {isManager && (
          <Group gap="xs">
            {checked.size > 0 && (
              <Button
                leftSection={<IconUsersGroup size={16} />}
                onClick={() => setReassignOpen(true)}
                data-testid="agenda-reassign"
              >
                {t("agenda.reassign")} ({checked.size})
              </Button>
            )}
            <Button
              variant="default"
              leftSection={<IconAdjustmentsHorizontal size={16} />}
              onClick={() => setWeightsOpen(true)}
              data-testid="agenda-weights"
            >
              {t("agenda.weights")}
            </Button>
          </Group>
        )}
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {isManager && (
          <Select
            label={t("agenda.collector")}
            placeholder={me?.user.name}
            data={(collectors.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
            value={collectorId ? String(collectorId) : null}
            onChange={(next) => {
              setChecked(new Set());
              update({ collectorId: next });
            }}
            searchable
            clearable
            w={{ base: "100%", xs: 240 }}
            data-testid="agenda-collector"
          />
        )}
        <Select
          label={t("agenda.kind")}
          data={KIND_FILTERS.map((value) => ({
            value,
            label: value === "all" ? t("agenda.kind.all") : t(`agenda.kind.${value}`),
          }))}
          value={kind}
          onChange={(next) => update({ kind: next === "all" ? null : next })}
          allowDeselect={false}
          w={{ base: "100%", xs: 240 }}
          data-testid="agenda-kind"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="agenda-window-label">
            {t("agenda.window")}
          </Text>
          <SegmentedControl
            aria-labelledby="agenda-window-label"
            data={AGENDA_WINDOWS.map((value) => ({ value, label: t(`agenda.window.${value}`) }))}
            value={window}
            onChange={(next) => update({ window: next === "week" ? null : next })}
          />
        </Stack>
        <Stack gap={4} w={{ base: "100%", xs: 260 }}>
          <Text size="sm" fw={500}>
            {t("agenda.search")}
          </Text>
          <SearchInput
            value={q}
            onSearch={(next) => update({ q: next || null })}
            placeholder={t("agenda.searchPlaceholder")}
            data-testid="agenda-search"
          />
        </Stack>
      </Group>
      {agenda.isError && <QueryError error={agenda.error} onRetry={() => void agenda.refetch()} />}
      {agenda.isPending && <Skeleton height={240} radius="md" />}
      {agenda.data?.isTruncated && (
        <Alert color="yellow">{t("agenda.truncated", { count: agenda.data.items.length })}</Alert>
      )}
      {agenda.data && items.length === 0 && (
        <Text c="dimmed" data-testid="agenda-empty">
          {t("agenda.empty")}
        </Text>
      )}
      <AgendaList
        items={items}
        current={index}
        onCurrent={setCurrent}
        onSnooze={canSnooze ? setSnoozing : null}
        checked={isManager ? checked : null}
        onToggle={toggle}
      />
      <SnoozeModal item={snoozing} today={agenda.data?.today ?? ""} onClose={() => setSnoozing(null)} />
      <WeightsModal opened={weightsOpen} onClose={() => setWeightsOpen(false)} />
      <ReassignModal
        customerIds={[...checked]}
        opened={reassignOpen}
        onClose={() => setReassignOpen(false)}
        onDone={() => {
          setReassignOpen(false);
          setChecked(new Set());
        }}
      />
    </Stack>
  );
}
