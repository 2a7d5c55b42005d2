import type { AppContext } from "../context";
import { selectActionDocuments } from "./attachments.repo";
import type { DeliverOptions, Fail, Outcome } from "./delivery.types";
import { type ClaimedMessage, recordSent } from "./outbox.repo";
import { renderLetter, STATEMENT_TEMPLATE } from "./render-letter";
import { renderMessage } from "./render-message";
import { findSender } from "./sender.repo";
import { type EmailAttachment, PermanentDeliveryError } from "./transport";

/** Attachments above this total are left out (most mail servers refuse messages over 10–25 MB). */
const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * What a customer's email carries: the statement as PDF for a statement, and the documents kept with
 * the invoices it is about, as long as they fit; internal emails carry nothing.
 */
async function attachmentsOf(
  ctx: AppContext,
  message: ClaimedMessage,
  now: Date,
): Promise<EmailAttachment[]> {
  if (message.customer_id === null || message.payload.type === "internal_email") return [];
  const files: EmailAttachment[] = [];
  if (message.payload.type === "statement") {
    const statement = await renderLetter(ctx, ctx.db, {
      companyId: message.company_id,
      customerId: message.customer_id,
      actionId: message.action_id,
      templateCode: STATEMENT_TEMPLATE,
      now,
    });
    files.push({ fileName: statement.fileName, mediaType: "application/pdf", content: statement.pdf });
  }
  if (message.action_id !== null) files.push(...(await selectActionDocuments(ctx.db, message.action_id)));
  let total = 0;
  return files.filter((file) => {
    total += file.content.length;
    return total <= MAX_ATTACHMENT_BYTES;
  });
}

async function senderOf(ctx: AppContext, companyId: number, fallback: string | undefined): Promise<string> {
  const sender = await findSender(ctx.db, companyId);
  const address = sender?.email ?? fallback ?? "encours@localhost";
  const name = (sender?.name ?? "").replaceAll('"', "'");
  return name ? `"${name}" <${address}>` : address;
}

/** One email: rendered in the recipient's language, with its attachments, through the email transport. */
export async function deliverEmail(
  ctx: AppContext,
  message: ClaimedMessage,
  options: DeliverOptions,
  fail: Fail,
): Promise<Outcome> {
  const { now, transport } = options;
  const to = (message.recipient ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a.includes("@"));
  if (message.customer_id === null || to.length === 0) return fail("No email address to send to", true);
  let rendered: Awaited<ReturnType<typeof renderMessage>>;
  let from: string;
  let attachments: EmailAttachment[];
  try {
    rendered = await renderMessage(ctx, ctx.db, {
      companyId: message.company_id,
      customerId: message.customer_id,
      actionId: message.action_id,
      recipient: message.recipient,
      isInternal: message.payload.type === "internal_email",
      templateCode: message.payload.template ?? "",
      now,
      publicUrl: options.publicUrl ?? "http://localhost:3000",
    });
    from = await senderOf(ctx, message.company_id, options.defaultFrom);
    attachments = await attachmentsOf(ctx, message, now);
  } catch (error) {
    // A template that cannot render will not render better later: failed, on the timeline.
    return fail(`Rendering failed: ${(error as Error).message}`, true);
  }
  let providerMessageId: string;
  try {
    ({ providerMessageId } = await transport.send({
      from,
      to,
      outboxId: message.id,
      attachments,
      ...rendered,
    }));
  } catch (error) {
    return fail((error as Error).message, error instanceof PermanentDeliveryError);
  }
  const isCaptured = transport.kind === "capture";
  const content = {
    to,
    from,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    language: rendered.language,
    attachments: attachments.map((a) => ({
      fileName: a.fileName,
      mediaType: a.mediaType,
      bytes: a.content.length,
    })),
  };
  await ctx.db.transaction((tx) =>
    recordSent(tx, {
      message,
      providerMessageId,
      rendered: content,
      isCaptured,
      now,
      summary: `${isCaptured ? "Email captured (not delivered)" : "Email sent"} to ${to.join(", ")}: ${rendered.subject}`,
    }),
  );
  return "sent";
}
