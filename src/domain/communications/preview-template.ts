import type { AppContext } from "../context";
import { assertCustomerVisible } from "../customers/get-customer";
import type { Actor } from "../users/users.types";
import type { PreviewInput, RenderedMessage } from "./communications.schemas";
import { assertTemplateValid } from "./liquid-sandbox";
import { renderLetter } from "./render-letter";
import { renderMessage } from "./render-message";
import { sampleVariables } from "./sample-message";
import { findCustomerCompany } from "./sender.repo";

/**
 * `POST /api/templates/preview`: the editor's text rendered for a real customer, as the worker would
 * (its open invoices, its language unless one is chosen, interest as of now). Invalid text answers
 * with its line and column, as on save.
 */
export async function previewTemplate(
  ctx: AppContext,
  actor: Actor,
  input: PreviewInput & { publicUrl: string },
): Promise<RenderedMessage> {
  await assertCustomerVisible(ctx, actor, input.customerId);
  const body = { subject: input.subject, html: input.html, text: input.text };
  const channel = input.channel ?? "email";
  assertTemplateValid(
    channel === "email"
      ? body
      : channel === "letter"
        ? { subject: body.subject, text: body.text }
        : { text: body.text },
    sampleVariables(input.language ?? "fr", channel),
  );
  const companyId = await findCustomerCompany(ctx.db, input.customerId);
  if (channel === "letter") {
    const letter = await renderLetter(ctx, ctx.db, {
      companyId,
      customerId: input.customerId,
      actionId: null,
      templateCode: input.code ?? "preview",
      now: ctx.clock.now(),
      body,
      ...(input.language ? { language: input.language } : {}),
    });
    return {
      language: letter.language,
      subject: letter.subject,
      html: "",
      text: letter.text,
      pdf: letter.pdf.toString("base64"),
    };
  }
  const rendered = await renderMessage(ctx, ctx.db, {
    companyId,
    customerId: input.customerId,
    actionId: null,
    recipient: null,
    isInternal: false,
    templateCode: "preview",
    now: ctx.clock.now(),
    publicUrl: input.publicUrl,
    body,
    ...(input.language ? { language: input.language } : {}),
  });
  return { language: rendered.language, subject: rendered.subject, html: rendered.html, text: rendered.text };
}
