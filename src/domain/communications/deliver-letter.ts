import type { AppContext } from "../context";
import type { DeliverOptions, Fail, Outcome } from "./delivery.types";
import type { DeliveryBatch, SentRecorder } from "./delivery-batch";
import type { ClaimedMessage } from "./outbox.repo";
import { printBatchProvider } from "./postal-provider";
import { type RenderedLetter, renderLetter } from "./render-letter";
import { PermanentDeliveryError } from "./transport";

/**
 * One letter: rendered as PDF in the recipient's language, posted through the postal provider when
 * one is configured, else kept for the day's print batch; the PDF is stored with the outbox row and
 * the timeline gets the full text, in one transaction (the recorder's, with its group).
 */
export async function deliverLetter(
  ctx: AppContext,
  message: ClaimedMessage,
  options: DeliverOptions & { batch: DeliveryBatch; recorder: SentRecorder },
  fail: Fail,
): Promise<Outcome> {
  if (message.customer_id === null) return fail("No customer to write to", true);
  const postal = options.postal ?? printBatchProvider();
  let letter: RenderedLetter;
  try {
    const preloaded = await options.batch.preloaded({ ...message, customer_id: message.customer_id });
    letter = await renderLetter(ctx, ctx.db, {
      companyId: message.company_id,
      customerId: message.customer_id,
      actionId: message.action_id,
      templateCode: message.payload.template ?? "",
      now: options.now,
      onPdfThread: true,
      preloaded,
    });
  } catch (error) {
    return fail(`Rendering failed: ${(error as Error).message}`, true);
  }
  if (letter.recipientLines.length < 3) {
    return fail(`No postal address for ${letter.recipientLines[0] ?? "the customer"}`, true);
  }
  let postalReference: string | null;
  try {
    ({ providerMessageId: postalReference } = await postal.send({
      outboxId: message.id,
      fileName: letter.fileName,
      pdf: letter.pdf,
      pages: letter.pages,
      recipientLines: letter.recipientLines,
      isRegistered: letter.isRegistered,
    }));
  } catch (error) {
    return fail((error as Error).message, error instanceof PermanentDeliveryError);
  }
  const customerId = message.customer_id;
  const how = postalReference
    ? "Letter posted"
    : `Letter produced for the print batch of ${letter.letterDate}`;
  await options.recorder.add({
    letter: {
      companyId: message.company_id,
      customerId,
      outboxId: message.id,
      kind: letter.kind,
      letterDate: letter.letterDate,
      language: letter.language,
      fileName: letter.fileName,
      pages: letter.pages,
      isRegistered: letter.isRegistered,
      postalReference,
      content: letter.pdf,
    },
    record: {
      message,
      providerMessageId: postalReference ?? `print:${letter.letterDate}:${message.id}`,
      rendered: {
        to: letter.recipientLines,
        subject: letter.subject,
        html: "",
        text: letter.text,
        language: letter.language,
        fileName: letter.fileName,
        pages: letter.pages,
        isRegistered: letter.isRegistered,
        letterDate: letter.letterDate,
        delivery: postalReference ? "postal" : "print-batch",
      },
      isCaptured: false,
      now: options.now,
      summary: `${how}${letter.isRegistered ? " (registered, acknowledgement of receipt)" : ""} to ${letter.recipientLines.join(", ")}: ${letter.subject}`,
    },
  });
  return "sent";
}
