import { Alert, Anchor, Badge, Button, Center, Paper, Skeleton, Stack, Text, Timeline } from "@mantine/core";
import {
  type Icon,
  IconAlertTriangle,
  IconCalendarDue,
  IconCash,
  IconClockPause,
  IconCreditCard,
  IconFileImport,
  IconFileX,
  IconInfoCircle,
  IconLink,
  IconMail,
  IconMailOff,
  IconNote,
  IconPhone,
  IconPlayerPause,
  IconPlayerPlay,
  IconPoint,
  IconRoute,
  IconSend,
  IconUserShare,
} from "@tabler/icons-react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { TimelineEntry } from "../../../domain/audit/audit.schemas";
import { QueryError } from "../../components/query-error";
import { formatDateTime } from "../../format";
import type { MessageKey } from "../../i18n/messages";
import { useI18n } from "../../i18n/use-i18n";
import { useDisputeReasons } from "../workbench/dispute-reasons-api";
import { customerQuery, customerTimelineQuery } from "./customers-api";
import { describeTimelineEntry } from "./describe-timeline-entry";
import type { TimelineText } from "./timeline-text";

type EntryKind = { icon: Icon; color: string; label: MessageKey };

const ENTRY_KINDS = new Map<string, EntryKind>([
  ["import", { icon: IconFileImport, color: "blue", label: "timeline.type.import" }],
  ["payment", { icon: IconCash, color: "teal", label: "timeline.type.payment" }],
  ["allocation", { icon: IconLink, color: "grape", label: "timeline.type.allocation" }],
  ["allocation_reversed", { icon: IconLink, color: "red", label: "timeline.type.allocation" }],
  ["payment_matched", { icon: IconLink, color: "grape", label: "timeline.type.allocation" }],
  ["payment_unmatched", { icon: IconLink, color: "red", label: "timeline.type.allocation" }],
  ["note", { icon: IconNote, color: "yellow", label: "timeline.type.note" }],
  ["dunning_step", { icon: IconMail, color: "orange", label: "timeline.type.dunning" }],
  ["dunning_hold", { icon: IconPlayerPause, color: "red", label: "timeline.type.hold" }],
  ["dunning_resumed", { icon: IconPlayerPlay, color: "green", label: "timeline.type.hold" }],
  ["scenario_changed", { icon: IconRoute, color: "orange", label: "timeline.type.dunning" }],
  ["call", { icon: IconPhone, color: "cyan", label: "timeline.type.call" }],
  ["promise", { icon: IconCalendarDue, color: "indigo", label: "timeline.type.promise" }],
  ["promise_cancelled", { icon: IconCalendarDue, color: "indigo", label: "timeline.type.promise" }],
  ["promise_kept", { icon: IconCalendarDue, color: "indigo", label: "timeline.type.promise" }],
  ["promise_partly_kept", { icon: IconCalendarDue, color: "indigo", label: "timeline.type.promise" }],
  ["promise_broken", { icon: IconCalendarDue, color: "red", label: "timeline.type.promise" }],
  ["dispute_opened", { icon: IconAlertTriangle, color: "pink", label: "timeline.type.dispute" }],
  ["dispute_status_changed", { icon: IconAlertTriangle, color: "pink", label: "timeline.type.dispute" }],
  ["message_sent", { icon: IconSend, color: "blue", label: "timeline.type.message" }],
  ["delivery_failed", { icon: IconMailOff, color: "red", label: "timeline.type.message" }],
  ["invoice_closed", { icon: IconFileX, color: "gray", label: "timeline.type.item" }],
  ["collector_changed", { icon: IconUserShare, color: "violet", label: "timeline.type.assignment" }],
  ["agenda_snoozed", { icon: IconClockPause, color: "violet", label: "timeline.type.agenda" }],
  ["credit_settings_changed", { icon: IconCreditCard, color: "lime", label: "timeline.type.credit" }],
]);
const OTHER_KIND: EntryKind = { icon: IconPoint, color: "gray", label: "timeline.type.other" };

function InvoiceLink({ number }: { number: string }): ReactNode {
  return (
    <Anchor
      component={Link}
      to={`/invoices?q=${encodeURIComponent(number)}&status=all`}
      inherit
      underline="always"
    >
      {number}
    </Anchor>
  );
}

function TimelineItemBody({ entry, text }: { entry: TimelineEntry; text: TimelineText }): ReactNode {
  const { t, locale } = useI18n();
  const facts = [
    <time key="at" dateTime={entry.occurredAt}>
      {formatDateTime(entry.occurredAt, locale)}
    </time>,
    ...text.details.map((detail) => <span key={detail}>{detail}</span>),
  ];
  if (entry.actor) facts.push(<span key="actor">{t("timeline.by", { name: entry.actor.name })}</span>);
  if (entry.invoice) {
    facts.push(
      <span key="invoice">
        {t("timeline.invoiceLabel")} <InvoiceLink number={entry.invoice.number} />
      </span>,
    );
  }
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {facts.flatMap((fact, index) => (index === 0 ? [fact] : [" · ", fact]))}
      </Text>
      {text.invoiceNumbers.length > 0 && (
        <Text size="xs" c="dimmed">
          {t("timeline.allocatedTo")}{" "}
          {text.invoiceNumbers.flatMap((number, index) => [
            index > 0 ? ", " : "",
            <InvoiceLink key={number} number={number} />,
          ])}
        </Text>
      )}
    </Stack>
  );
}

/** What happened on the account, newest first. For now: imports and payments. */
export function CustomerTimeline({ customerId }: { customerId: number }): ReactNode {
  const { t, locale, language } = useI18n();
  const timeline = useInfiniteQuery(customerTimelineQuery(customerId));
  const companyId = useQuery(customerQuery(customerId)).data?.company.id;
  const reasons = useDisputeReasons(companyId, language);
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md" data-testid="timeline">
      <Alert variant="light" color="blue" icon={<IconInfoCircle />}>
        {t("timeline.placeholder")}
      </Alert>
      {timeline.isError && <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />}
      {timeline.isPending && (
        <Stack gap="md">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} height={48} radius="sm" />
          ))}
        </Stack>
      )}
      {timeline.isSuccess && entries.length === 0 && (
        <Text c="dimmed" size="sm">
          {t("timeline.empty")}
        </Text>
      )}
      {entries.length > 0 && (
        <Paper withBorder radius="md" p="lg">
          <Timeline bulletSize={28} lineWidth={2} active={entries.length - 1}>
            {entries.map((entry) => {
              const kind = ENTRY_KINDS.get(entry.type) ?? OTHER_KIND;
              const text = describeTimelineEntry(entry, t, locale, reasons.labelOf);
              return (
                <Timeline.Item
                  key={entry.id}
                  bullet={<kind.icon size={16} stroke={1.6} />}
                  color={kind.color}
                  title={
                    <Text size="sm" fw={600}>
                      <Badge size="sm" variant="light" color={kind.color} mr={8} radius="sm">
                        {t(kind.label)}
                      </Badge>
                      {text.title}
                    </Text>
                  }
                  data-testid="timeline-entry"
                  data-type={entry.type}
                >
                  <TimelineItemBody entry={entry} text={text} />
                </Timeline.Item>
              );
            })}
          </Timeline>
        </Paper>
      )}
      {timeline.hasNextPage && (
        <Center>
          <Button
            variant="default"
            onClick={() => void timeline.fetchNextPage()}
            loading={timeline.isFetchingNextPage}
            data-testid="timeline-more"
          >
            {t("timeline.loadMore")}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
