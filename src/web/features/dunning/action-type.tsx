import { Group, ThemeIcon, Tooltip } from "@mantine/core";
import {
  type Icon,
  IconAlertTriangle,
  IconBell,
  IconChecklist,
  IconDeviceMobileMessage,
  IconFileDollar,
  IconFileText,
  IconGavel,
  IconLock,
  IconMail,
  IconMailbox,
  IconMailForward,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { ActionType } from "../../../domain/dunning/dunning.schemas";
import { useT } from "../../i18n/use-i18n";

const ICONS: Record<ActionType, { icon: Icon; color: string }> = {
  email: { icon: IconMail, color: "blue" },
  sms: { icon: IconDeviceMobileMessage, color: "cyan" },
  letter: { icon: IconMailbox, color: "indigo" },
  statement: { icon: IconFileText, color: "teal" },
  internal_email: { icon: IconMailForward, color: "gray" },
  task: { icon: IconChecklist, color: "yellow" },
  alert: { icon: IconBell, color: "orange" },
  status_change: { icon: IconLock, color: "red" },
  interest: { icon: IconFileDollar, color: "grape" },
  litigation: { icon: IconGavel, color: "red" },
};

/** The channel each type goes through unless said otherwise: not worth repeating next to the type. */
const IMPLIED_CHANNELS: Partial<Record<ActionType, string>> = {
  email: "email",
  sms: "sms",
  letter: "letter",
  internal_email: "email",
  task: "task",
  alert: "app",
  status_change: "app",
  interest: "app",
  litigation: "app",
};

type ActionTypeProps = {
  type: ActionType;
  /** The channel when it says more than the type (a task by phone, say). */
  channel?: string;
  /** Only the icon, the label in its tooltip (dense tables). */
  isCompact?: boolean;
};

/** The icon and name of an action type: e-mail, SMS, letter, task… */
export function ActionTypeLabel({ type, channel, isCompact = false }: ActionTypeProps): ReactNode {
  const t = useT();
  const { icon: TypeIcon, color } = ICONS[type] ?? { icon: IconAlertTriangle, color: "gray" };
  const label = t.optional("dunning.type.", type);
  const channelLabel =
    channel && channel !== IMPLIED_CHANNELS[type] ? t.optional("dunning.channel.", channel) : null;
  const full = channelLabel ? `${label} (${channelLabel})` : label;
  const icon = (
    <ThemeIcon size="sm" variant="light" color={color} radius="sm" aria-hidden={!isCompact}>
      <TypeIcon size={14} stroke={1.75} />
    </ThemeIcon>
  );
  if (isCompact) {
    return (
      <Tooltip label={full}>
        <span role="img" aria-label={full} style={{ display: "inline-flex" }}>
          {icon}
        </span>
      </Tooltip>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" data-type={type}>
      {icon}
      <span style={{ whiteSpace: "nowrap" }}>{full}</span>
    </Group>
  );
}
