import type { AppContext } from "../context";
import { assertCustomerVisible } from "../customers/get-customer";
import type { Actor } from "../users/users.types";
import type { PreviewInput, RenderedMessage } from "./communications.schemas";
import { assertTemplateValid } from "./liquid-sandbox";
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
  assertTemplateValid(body, sampleVariables(input.language ?? "fr"));
  const companyId = await findCustomerCompany(ctx.db, input.customerId);
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
