import type { frCommunications } from "./fr-communications";

/** English texts of communications. */
export const enCommunications: Record<keyof typeof frCommunications, string> = {
  "nav.messages": "Sent messages",

  "messages.title": "Sent messages",
  "messages.subtitle":
    "The reminders leaving the outbox: sent, waiting, failed. With no SMTP server configured, they are kept in Encours and not delivered.",
  "messages.allStatuses": "All statuses",
  "messages.column.date": "Date",
  "messages.column.customer": "Customer",
  "messages.column.recipient": "Recipient",
  "messages.column.subject": "Subject",
  "messages.column.status": "Status",
  "messages.status.queued": "Queued",
  "messages.status.sending": "Sending",
  "messages.status.sent": "Sent",
  "messages.status.failed": "Failed",
  "messages.status.bounced": "Bounced",
  "messages.status.cancelled": "Cancelled",
  "messages.captured": "not delivered (capture)",
  "messages.capturedHint":
    "No SMTP server is configured (SMTP_URL): this message is kept in Encours and was delivered to no one.",
  "messages.empty": "No messages",
  "messages.emptyHint": "Messages show here as soon as the daily dunning run plans some.",
  "messages.detail": "Message details",
  "messages.attempts": "Attempts",
  "messages.lastError": "Last error",
  "messages.providerId": "Provider id",
  "messages.language": "Language",
  "messages.text": "Text",
  "messages.html": "HTML",
  "messages.notRendered": "The message has not been rendered yet: it will be when it is sent.",
};
