import type { TimelineEntry } from "../../../domain/audit/audit.schemas";
import {
  TEMPLATE_CHANNELS,
  type TemplateChannel,
} from "../../../domain/communications/communications.schemas";
import { formatDate } from "../../format";
import type { Translate } from "../../i18n/messages";
import { count, oneOf, text, texts } from "../customers/timeline-data";
import type { TimelineText } from "../customers/timeline-text";

/** The message's channel; rows written before it was kept are told apart by what each channel records. */
function channelOf(data: TimelineEntry["data"]): TemplateChannel | undefined {
  const channel = oneOf(TEMPLATE_CHANNELS, data.channel);
  if (channel) return channel;
  if (data.delivery !== undefined) return "letter";
  if (data.encoding !== undefined) return "sms";
  return Array.isArray(data.to) ? "email" : undefined;
}

function describeSent(data: TimelineEntry["data"], t: Translate, locale: string): TimelineText | null {
  const channel = channelOf(data);
  const to = texts(data.to) ?? [];
  const subject = typeof data.subject === "string" ? data.subject : undefined;
  const done = (title: string, details: string[] = []) => ({ title, details, invoiceNumbers: [] });
  const confirmedBy = text(data.confirmedBy);
  if (data.interrupted === true && channel && confirmedBy) {
    return done(
      t("messages.timeline.confirmed", {
        name: confirmedBy,
        channel: t(`dunning.channel.${channel}`),
        recipient: text(data.recipient) ?? t("common.none"),
      }),
    );
  }
  if (to.length === 0 || subject === undefined) return null;
  const captured = data.captured === true;
  if (channel === "email") {
    const key = captured ? "messages.timeline.emailCaptured" : "messages.timeline.emailSent";
    return done(t(key, { to: to.join(", "), subject }));
  }
  const body = text(data.text);
  if (channel === "sms" && body) {
    const key = captured ? "messages.timeline.smsCaptured" : "messages.timeline.smsSent";
    return done(t(key, { to: to.join(", "), text: body }));
  }
  if (channel !== "letter") return null;
  // A letter goes to its address lines; the first names the addressee.
  const values = { to: to[0] ?? "", subject };
  const details = data.isRegistered === true ? [t("messages.timeline.registered")] : [];
  if (data.delivery === "postal") return done(t("messages.timeline.letterPosted", values), details);
  const date = text(data.letterDate);
  if (data.delivery !== "print-batch" || !date) return null;
  return done(t("messages.timeline.letterPrinted", { ...values, date: formatDate(date, locale) }), details);
}

function describeFailure(data: TimelineEntry["data"], t: Translate): TimelineText | null {
  const error = text(data.error);
  const details = error ? [t("messages.timeline.error", { error })] : [];
  const recipient = text(data.recipient);
  if (data.bounced === true) {
    if (!recipient) return null;
    return { title: t("messages.timeline.bounced", { recipient }), details, invoiceNumbers: [] };
  }
  const channel = oneOf(TEMPLATE_CHANNELS, data.channel);
  const attempts = count(data.attempts);
  if (!channel || attempts === undefined) return null;
  const values = { channel: t(`dunning.channel.${channel}`), recipient: recipient ?? "" };
  const title = recipient
    ? t.plural("messages.timeline.failed", attempts, values)
    : t.plural("messages.timeline.failedNoRecipient", attempts, values);
  return { title, details, invoiceNumbers: [] };
}

/**
 * The timeline entries of the outbox in the user's language, read from their data (the server's summary is
 * English): messages sent (or confirmed sent after an interrupted delivery) and failed deliveries, bounces
 * included. Null for the entries of other modules, or when the data lacks what the line needs.
 */
export function describeCommunicationsEntry(
  entry: TimelineEntry,
  t: Translate,
  locale: string,
): TimelineText | null {
  if (entry.type === "message_sent") return describeSent(entry.data, t, locale);
  if (entry.type === "delivery_failed") return describeFailure(entry.data, t);
  return null;
}
