import type { AppContext } from "../context";
import type { DeliverOptions, Fail, Outcome } from "./delivery.types";
import type { DeliveryBatch, SentRecorder } from "./delivery-batch";
import type { ClaimedMessage } from "./outbox.repo";
import { normalizePhoneNumber } from "./phone-number";
import { renderMessage } from "./render-message";
import { captureSmsProvider } from "./sms-provider";
import { fitSms } from "./sms-text.rules";
import { PermanentDeliveryError } from "./transport";

const DEFAULT_MAX_PARTS = 3;

/**
 * One text message: the number normalised to E.164 in the customer's country (else the company's),
 * the SMS template rendered in the recipient's language and fitted to the length rule, then the
 * provider. A bad number or a text too long fails at once, with the reason on the timeline.
 */
export async function deliverSms(
  ctx: AppContext,
  message: ClaimedMessage,
  options: DeliverOptions & { batch: DeliveryBatch; recorder: SentRecorder },
  fail: Fail,
): Promise<Outcome> {
  if (message.customer_id === null) return fail("No customer to send the text message to", true);
  const provider = options.sms ?? captureSmsProvider();
  let preloaded: Awaited<ReturnType<DeliveryBatch["preloaded"]>>;
  try {
    preloaded = await options.batch.preloaded({ ...message, customer_id: message.customer_id });
  } catch (error) {
    return fail(`Rendering failed: ${(error as Error).message}`, true);
  }
  const phone = normalizePhoneNumber(
    message.recipient ?? "",
    preloaded.data.customerCountry ?? preloaded.data.companyCountry,
  );
  if (!phone.ok) return fail(phone.reason, true);
  let rendered: Awaited<ReturnType<typeof renderMessage>>;
  try {
    rendered = await renderMessage(ctx, ctx.db, {
      companyId: message.company_id,
      customerId: message.customer_id,
      actionId: message.action_id,
      recipient: message.recipient,
      isInternal: false,
      templateCode: message.payload.template ?? "",
      channel: "sms",
      now: options.now,
      publicUrl: options.publicUrl ?? "http://localhost:3000",
      preloaded,
    });
  } catch (error) {
    return fail(`Rendering failed: ${(error as Error).message}`, true);
  }
  const fitted = fitSms(rendered.text, options.smsMaxParts ?? DEFAULT_MAX_PARTS);
  if (!fitted.ok) return fail(fitted.reason, true);
  let providerMessageId: string;
  try {
    ({ providerMessageId } = await provider.send({
      to: phone.e164,
      text: fitted.text,
      encoding: fitted.length.encoding,
      parts: fitted.length.parts,
      outboxId: message.id,
    }));
  } catch (error) {
    return fail((error as Error).message, error instanceof PermanentDeliveryError);
  }
  const isCaptured = provider.kind === "capture";
  await options.recorder.add({
    record: {
      message,
      providerMessageId,
      rendered: {
        to: [phone.e164],
        subject: "",
        html: "",
        text: fitted.text,
        language: rendered.language,
        encoding: fitted.length.encoding,
        parts: fitted.length.parts,
      },
      isCaptured,
      now: options.now,
      summary: `${isCaptured ? "SMS captured (not delivered)" : "SMS sent"} to ${phone.e164}: ${fitted.text}`,
    },
  });
  return "sent";
}
