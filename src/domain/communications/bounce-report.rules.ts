/**
 * Bounce reports: what a mail server sends back when an email could not be delivered. The standard
 * form is a delivery status notification (RFC 3464: a `multipart/report; report-type=delivery-status`
 * message whose `message/delivery-status` part says, per recipient, `Action: failed` and a
 * `Status: 5.1.1`), followed by the original message or its headers, where Encours finds its own
 * `X-Encours-Outbox-Id` and `Message-ID`. Older servers send plain text; the same fields are then
 * looked for in the text.
 */

export type BounceReport = {
  /** The outbox row, from the `X-Encours-Outbox-Id` header Encours puts on every email. */
  outboxId: number | null;
  /** The original `Message-ID`, as the transport returned it on sending. */
  messageId: string | null;
  recipient: string | null;
  /** `failed` for good; `delayed` while the server still tries. */
  action: "failed" | "delayed" | "delivered" | "relayed" | "expanded" | null;
  /** Enhanced status code (RFC 3463), e.g. `5.1.1` (no such mailbox). */
  status: string | null;
  /** The remote server's own words, e.g. `smtp; 550 5.1.1 User unknown`. */
  diagnostic: string | null;
  /** A permanent failure: the address will not work by trying again. */
  isPermanent: boolean;
};

/** Header lines unfolded (continuations joined), names in lower case; the first value of each name. */
function headerFields(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  const unfolded = block.replace(/\r\n/g, "\n").replace(/\n[ \t]+/g, " ");
  for (const line of unfolded.split("\n")) {
    const match = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined && !fields.has(match[1].toLowerCase()))
      fields.set(match[1].toLowerCase(), match[2].trim());
  }
  return fields;
}

/** `rfc822; someone@example.com` → `someone@example.com`. */
function address(value: string | undefined): string | null {
  if (!value) return null;
  const text = value.includes(";") ? value.slice(value.indexOf(";") + 1) : value;
  const trimmed = text.trim().replace(/^<|>$/g, "");
  return trimmed === "" ? null : trimmed.toLowerCase();
}

/** The per-recipient block of a delivery-status part: the one that names a recipient and an action. */
function recipientBlock(text: string): Map<string, string> | null {
  const part = /content-type:\s*message\/(?:global-)?delivery-status[^\n]*\n/i.exec(text);
  if (!part) return null;
  const rest = text.slice(part.index + part[0].length);
  const end = rest.search(/\n--[^\n]+\n|\ncontent-type:\s*(?:message\/rfc822|text\/rfc822-headers)/i);
  const body = (end >= 0 ? rest.slice(0, end) : rest).replace(/\r\n/g, "\n");
  // Blocks are separated by blank lines: the message's own fields first, then one per recipient.
  const blocks = body.split(/\n\s*\n/).map(headerFields);
  return blocks.find((b) => b.has("final-recipient") || b.has("action")) ?? null;
}

function actionOf(value: string | undefined): BounceReport["action"] {
  const action = value?.toLowerCase().trim();
  return action === "failed" ||
    action === "delayed" ||
    action === "delivered" ||
    action === "relayed" ||
    action === "expanded"
    ? action
    : null;
}

/**
 * Reads a bounce message (the whole email as text). Null when it says nothing Encours can use: no
 * outbox id nor message id of the original, and no failed recipient.
 */
export function parseBounceReport(raw: string): BounceReport | null {
  const text = raw.replace(/\r\n/g, "\n");
  const block = recipientBlock(text);
  const outboxId = /^X-Encours-Outbox-Id:\s*(\d+)\s*$/im.exec(text)?.[1];
  // The original's Message-ID: the last one in the text (the report's own comes first).
  const messageIds = [...text.matchAll(/^Message-ID:\s*(<[^>\n]+>)/gim)].map((m) => m[1] ?? "");
  const originalId = messageIds.length > 1 ? messageIds[messageIds.length - 1] : null;
  let status = block?.get("status")?.match(/\d\.\d{1,3}\.\d{1,3}/)?.[0] ?? null;
  let diagnostic = block?.get("diagnostic-code") ?? null;
  let recipient = address(block?.get("final-recipient") ?? block?.get("original-recipient"));
  let action = actionOf(block?.get("action"));
  if (!block) {
    // A plain-text bounce: "550 5.1.1 <x@example.com>: Recipient address rejected".
    const reply = /\b([45])\d\d[ -]([45]\.\d{1,3}\.\d{1,3})\b[^\n]*/.exec(text);
    status = reply?.[2] ?? null;
    diagnostic = reply?.[0].trim() ?? null;
    recipient = address(/<([^<>\s@]+@[^<>\s]+)>/.exec(reply?.[0] ?? "")?.[1]);
    action = status ? (status.startsWith("5") ? "failed" : "delayed") : null;
  }
  if (outboxId === undefined && originalId === null && action !== "failed") return null;
  const isPermanent = action === "failed" && (status === null || status.startsWith("5"));
  return {
    outboxId: outboxId === undefined ? null : Number(outboxId),
    messageId: originalId ?? null,
    recipient,
    action,
    status,
    diagnostic,
    isPermanent,
  };
}
