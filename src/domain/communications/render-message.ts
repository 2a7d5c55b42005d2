import type { Queryable } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import { DomainError } from "../../shared/errors";
import { LanguageCode } from "../../shared/schemas";
import type { AppContext } from "../context";
import { getCustomerClaim } from "../legal/get-customer-claim";
import type { CustomerClaim } from "../legal/legal.schemas";
import { SYSTEM_ACTOR } from "../users/users.types";
import type { RenderedMessage, Template, TemplateBody, TemplateKey } from "./communications.schemas";
import { findCurrentTemplate } from "./find-template";
import { renderTemplate } from "./liquid-sandbox";
import { type LoadedMessageData, loadMessageData } from "./message-data.repo";
import { buildVariables, type DisputeFacts, type MessageData } from "./message-variables";

/**
 * What the outbox worker has already loaded for a whole claimed batch: the message's data and the
 * batch's template lookup. Without it, the renderers load what they need themselves.
 */
export type Preloaded = {
  data: LoadedMessageData;
  findTemplate(key: TemplateKey): Promise<Template | null>;
  /** The customer's claim as of the batch's time, computed for the whole batch at first use. */
  claim(): Promise<CustomerClaim>;
};

/** The customer's claim (interest and indemnities) from the batch, else from the legal module. */
export function customerClaimOf(
  ctx: AppContext,
  customerId: number,
  now: Date,
  preloaded: Preloaded | undefined,
): Promise<CustomerClaim> {
  if (preloaded) return preloaded.claim();
  return getCustomerClaim({ db: ctx.db, clock: fixedClock(now.toISOString()) }, SYSTEM_ACTOR, customerId);
}

export type RenderRequest = {
  companyId: number;
  customerId: number;
  actionId: number | null;
  recipient: string | null;
  /** Internal emails go to the company's staff, in the company's language. */
  isInternal: boolean;
  templateCode: string;
  /** email (default) or sms: an SMS template has only its text. */
  channel?: "email" | "sms";
  now: Date;
  publicUrl: string;
  /** Preview: render this body instead of the stored template; language forced by the editor. */
  body?: TemplateBody;
  language?: LanguageCode;
  preloaded?: Preloaded;
  /** An internal email to a dispute's owner: the dispute it is about. */
  dispute?: DisputeFacts | null;
};

const asLanguage = (value: string | null): LanguageCode | null => {
  const parsed = LanguageCode.safeParse(value?.trim().toLowerCase());
  return parsed.success ? parsed.data : null;
};

/** DESIGN.md: the contact's language, else the customer's, else the company's. */
export function languageOf(data: {
  contactLanguage: string | null;
  customerLanguage: string | null;
  companyLanguage: string;
}): LanguageCode {
  return (
    asLanguage(data.contactLanguage) ??
    asLanguage(data.customerLanguage) ??
    asLanguage(data.companyLanguage) ??
    "fr"
  );
}

/** Interest and indemnities from the legal module, as of `now`, for the message's currency. */
async function claimOf(
  ctx: AppContext,
  request: RenderRequest,
  currency: string,
): Promise<MessageData["claim"]> {
  const claim = await customerClaimOf(ctx, request.customerId, request.now, request.preloaded);
  const own = claim.totals.find((t) => t.currency === currency);
  if (!own) return null;
  const items = claim.items.filter((i) => i.currency === currency && Number(i.compensation) > 0);
  const indemnityCurrency = items[0]?.compensationCurrency ?? currency;
  const indemnity = claim.totals.find((t) => t.currency === indemnityCurrency)?.compensation ?? "0.00";
  return { interest: own.interest, indemnity, indemnityCurrency, indemnityCount: items.length };
}

/** Renders a message for a customer: data, language, template (the company's or the shipped one), Liquid. */
export async function renderMessage(
  ctx: AppContext,
  q: Queryable,
  request: RenderRequest,
): Promise<RenderedMessage & { contactName: string | null }> {
  const data = request.preloaded?.data ?? (await loadMessageData(q, request));
  const language =
    request.language ?? (request.isInternal ? (asLanguage(data.companyLanguage) ?? "fr") : languageOf(data));
  const key = { code: request.templateCode, language, channel: request.channel ?? "email" };
  const template =
    request.body ??
    (await (request.preloaded
      ? request.preloaded.findTemplate(key)
      : findCurrentTemplate(q, request.companyId, key)));
  if (!template) {
    throw new DomainError(
      "NOT_FOUND",
      `No ${request.channel ?? "email"} template ${request.templateCode} (${language})`,
    );
  }
  const needsClaim = [template.subject, template.html, template.text].some(
    (part) => part.includes("penalties") || part.includes("with_penalties"),
  );
  const claim = needsClaim ? await claimOf(ctx, request, data.currency) : null;
  const variables = buildVariables(
    {
      ...data,
      claim,
      customerUrl: `${request.publicUrl.replace(/\/$/, "")}/customers/${request.customerId}`,
      dispute: request.dispute ?? null,
    },
    language,
  );
  const [subject, html, text] = await Promise.all([
    renderTemplate("subject", template.subject, variables),
    renderTemplate("html", template.html, variables),
    renderTemplate("text", template.text, variables),
  ]);
  return {
    language,
    subject: subject.replace(/[ \t\r\n]+/g, " ").trim(),
    html,
    text,
    contactName: data.contact?.name ?? null,
  };
}
