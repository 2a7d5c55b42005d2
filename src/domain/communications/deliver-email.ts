import type { AppContext } from "../context";
import type { DeliverOptions, Fail, Outcome } from "./delivery.types";
import type { DeliveryBatch, SentRecorder } from "./delivery-batch";
import { internalEmailExtras } from "./internal-email";
import type { ClaimedMessage } from "./outbox.repo";
import { renderLetter, STATEMENT_TEMPLATE } from "./render-letter";
import { type Preloaded, renderMessage } from "./render-message";
import { type EmailAttachment, PermanentDeliveryError } from "./transport";

/** Attachments above this total are left out (most mail servers refuse messages over 10–25 MB). */
const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * What a customer's email carries: the statement as PDF for a statement, and the documents kept with
 * the invoices it is about, as long as they fit; internal emails carry nothing.
 */
async function attachmentsOf(
  ctx: AppContext,
  message: ClaimedMessage & { customer_id: number },
  now: Date,
  batch: DeliveryBatch,
  preloaded: Preloaded,
): Promise<EmailAttachment[]> {
  if (message.payload.type === "internal_email") return [];
  const files: EmailAttachment[] = [];
  if (message.payload.type === "statement") {
    // The statement is the customer's document, in the customer's language, whoever the email is for.
    const data = { ...preloaded.data, contact: null, contactLanguage: null };
    const statement = await renderLetter(ctx, ctx.db, {
      companyId: message.company_id,
      customerId: message.customer_id,
      actionId: message.action_id,
      templateCode: STATEMENT_TEMPLATE,
      now,
      onPdfThread: true,
      preloaded: { ...preloaded, data },
    });
    files.push({ fileName: statement.fileName, mediaType: "application/pdf", content: statement.pdf });
  }
  if (message.action_id !== null) files.push(...(await batch.documentsOf(message.action_id)));
  let total = 0;
  return files.filter((file) => {
    total += file.content.length;
    return total <= MAX_ATTACHMENT_BYTES;
  });
}

function senderOf(sender: { name: string; email: string | null }, fallback: string | undefined): string {
  const address = sender.email ?? fallback ?? "encours@localhost";
  const name = sender.name.replaceAll('"', "'");
  return name ? `"${name}" <${address}>` : address;
}

/**
 * One email: rendered in the recipient's language from the batch's data, with its attachments,
 * through the email transport; the recorder writes the outcome with its group.
 */
export async function deliverEmail(
  ctx: AppContext,
  message: ClaimedMessage,
  options: DeliverOptions & { batch: DeliveryBatch; recorder: SentRecorder },
  fail: Fail,
): Promise<Outcome> {
  const { now, transport } = options;
  const to = (message.recipient ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a.includes("@"));
  if (message.customer_id === null || to.length === 0) return fail("No email address to send to", true);
  const about = { ...message, customer_id: message.customer_id };
  let rendered: Awaited<ReturnType<typeof renderMessage>>;
  let from: string;
  let attachments: EmailAttachment[];
  try {
    const preloaded = await options.batch.preloaded(about);
    rendered = await renderMessage(ctx, ctx.db, {
      companyId: message.company_id,
      customerId: message.customer_id,
      actionId: message.action_id,
      recipient: message.recipient,
      isInternal: message.payload.type === "internal_email",
      ...(message.payload.type === "internal_email" ? internalEmailExtras(message.payload) : {}),
      templateCode: message.payload.template ?? "",
      now,
      publicUrl: options.publicUrl ?? "http://localhost:3000",
      preloaded,
    });
    from = senderOf(preloaded.data.sender, options.defaultFrom);
    attachments = await attachmentsOf(ctx, about, now, options.batch, preloaded);
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
  await options.recorder.add({
    record: {
      message,
      providerMessageId,
      rendered: content,
      isCaptured,
      now,
      summary: `${isCaptured ? "Email captured (not delivered)" : "Email sent"} to ${to.join(", ")}: ${rendered.subject}`,
    },
  });
  return "sent";
}
