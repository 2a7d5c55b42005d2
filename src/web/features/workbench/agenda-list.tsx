import { ActionIcon, Anchor, Badge, Checkbox, Group, Paper, Stack, Text, Tooltip } from "@mantine/core";
import { IconAlarmSnooze } from "@tabler/icons-react";
import { type ReactNode, useEffect, useRef } from "react";
import { Link } from "react-router";
import type { AgendaItem } from "../../../domain/workbench/agenda.schemas";
import { formatDate } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { describeAgendaItem, taskTypeKey } from "./describe-agenda-item";
import { ScoreExplanation } from "./score-explanation";

const BUCKET_COLORS = { overdue: "red", today: "blue", upcoming: "gray" } as const;
const KIND_COLORS: Record<AgendaItem["kind"], string> = {
  task: "indigo",
  promise_due: "teal",
  promise_broken: "red",
  dispute_overdue: "orange",
  delivery_failed: "pink",
  credit_limit: "grape",
};

export type AgendaListProps = {
  items: AgendaItem[];
  current: number;
  onCurrent(index: number): void;
  onSnooze: ((item: AgendaItem) => void) | null;
  /** Customers ticked for a reassignment; null when the user may not reassign. */
  checked: Set<number> | null;
  onToggle(customerId: number): void;
};

/** The agenda's rows; the current one (j / k) has the focus ring and is the one Enter and s act on. */
export function AgendaList(props: AgendaListProps): ReactNode {
  const { t } = useI18n();
  const refs = useRef<(HTMLLIElement | null)[]>([]);
  useEffect(() => {
    const row = refs.current[props.current];
    if (row && document.activeElement?.closest("[data-agenda-row]") !== row)
      row.focus({ preventScroll: false });
  }, [props.current]);
  return (
    <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }} aria-label={t("agenda.list")}>
      {props.items.map((item, index) => (
        <AgendaRow
          key={item.key}
          item={item}
          isCurrent={index === props.current}
          rowRef={(node) => {
            refs.current[index] = node;
          }}
          onFocus={() => props.onCurrent(index)}
          {...props}
        />
      ))}
    </Stack>
  );
}

type RowProps = AgendaListProps & {
  item: AgendaItem;
  isCurrent: boolean;
  rowRef(node: HTMLLIElement | null): void;
  onFocus(): void;
};

function AgendaRow({ item, isCurrent, rowRef, onFocus, onSnooze, checked, onToggle }: RowProps): ReactNode {
  const { t, locale } = useI18n();
  const taskType = item.kind === "task" ? taskTypeKey(item.detail) : null;
  return (
    <Paper
      component="li"
      ref={rowRef}
      withBorder
      radius="md"
      px="md"
      py="xs"
      tabIndex={isCurrent ? 0 : -1}
      onFocus={onFocus}
      aria-current={isCurrent ? "true" : undefined}
      data-agenda-row
      data-testid="agenda-item"
      data-key={item.key}
      style={{
        outline: isCurrent ? "2px solid var(--mantine-color-blue-6)" : undefined,
        outlineOffset: 1,
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          {checked && (
            <Checkbox
              checked={checked.has(item.customer.id)}
              onChange={() => onToggle(item.customer.id)}
              aria-label={t("agenda.select", { name: item.customer.name })}
              data-testid="agenda-check"
            />
          )}
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              <Badge color={KIND_COLORS[item.kind]} variant="light" size="sm" radius="sm">
                {t(`agenda.kind.${item.kind}`)}
              </Badge>
              {taskType && (
                <Badge color="gray" variant="outline" size="sm" radius="sm">
                  {t(taskType)}
                </Badge>
              )}
              <Badge color={BUCKET_COLORS[item.bucket]} variant="dot" size="sm">
                {t(`agenda.bucket.${item.bucket}`)} · {formatDate(item.date, locale)}
              </Badge>
            </Group>
            <Anchor
              component={Link}
              to={`/customers/${item.customer.id}?tab=followup`}
              fw={600}
              size="sm"
              tabIndex={-1}
              data-testid="agenda-customer"
            >
              {item.customer.name}
              <Text span c="dimmed" size="xs" ml={6}>
                {item.customer.externalRef}
              </Text>
            </Anchor>
            <Text size="sm" data-testid="agenda-text">
              {describeAgendaItem(item, t, locale)}
            </Text>
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <ScoreExplanation item={item} />
          {onSnooze && (
            <Tooltip label={t("agenda.snooze")}>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={() => onSnooze(item)}
                aria-label={`${t("agenda.snooze")} · ${item.customer.name}`}
                data-testid="agenda-snooze"
              >
                <IconAlarmSnooze size={18} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Group>
    </Paper>
  );
}
