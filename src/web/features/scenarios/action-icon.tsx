import {
  type Icon,
  IconBell,
  IconGavel,
  IconLock,
  IconMail,
  IconMailbox,
  IconMailForward,
  IconMessage2,
  IconPercentage,
  IconPhoneCall,
  IconReceipt,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { ActionType } from "../../../domain/dunning/dunning.schemas";

export const ACTION_ICONS: Record<ActionType, Icon> = {
  email: IconMail,
  sms: IconMessage2,
  letter: IconMailbox,
  statement: IconReceipt,
  internal_email: IconMailForward,
  task: IconPhoneCall,
  alert: IconBell,
  status_change: IconLock,
  interest: IconPercentage,
  litigation: IconGavel,
};

/** Customer messages in the primary colour, internal work in grey, hard steps in red. */
export const ACTION_COLORS: Record<ActionType, string> = {
  email: "indigo",
  sms: "indigo",
  letter: "indigo",
  statement: "indigo",
  internal_email: "gray",
  task: "teal",
  alert: "yellow",
  status_change: "red",
  interest: "orange",
  litigation: "red",
};

export function ActionTypeIcon({ type, size = 16 }: { type: ActionType; size?: number }): ReactNode {
  const Glyph = ACTION_ICONS[type];
  return <Glyph size={size} stroke={1.6} aria-hidden />;
}
