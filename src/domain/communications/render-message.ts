import type { Queryable } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import { DomainError } from "../../shared/errors";
import { LanguageCode } from "../../shared/schemas";
import type { AppContext } from "../context";
import { getCustomerClaim } from "../legal/get-customer-claim";
import { SYSTEM_ACTOR } from "../users/users.types";
import type { RenderedMessage, TemplateBody } from "./communications.schemas";
import { findCurrentTemplate } from "./find-template";
import { renderTemplate } from "./liquid-sandbox";
import { buildVariables, type MessageData } from "./message-variables";
import { loadMessageData } from "./outbox.repo";

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
  customerId: number,
  currency: string,
  now: Date,
): Promise<MessageData["claim"]> {
  const claim = await getCustomerClaim(
    { db: ctx.db, clock: fixedClock(now.toISOString()) },
    SYSTEM_ACTOR,
    customerId,
  );
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
  const data = await loadMessageData(q, request);
  const language =
    request.language ?? (request.isInternal ? (asLanguage(data.companyLanguage) ?? "fr") : languageOf(data));
  const template =
    request.body ??
    (await findCurrentTemplate(q, request.companyId, {
      code: request.templateCode,
      language,
      channel: request.channel ?? "email",
    }));
  if (!template) {
    throw new DomainError(
      "NOT_FOUND",
      `No ${request.channel ?? "email"} template ${request.templateCode} (${language})`,
    );
  }
  const needsClaim = [template.subject, template.html, template.text].some(
    (part) => part.includes("penalties") || part.includes("with_penalties"),
  );
  const claim = needsClaim ? await claimOf(ctx, request.customerId, data.currency, request.now) : null;
  const variables = buildVariables(
    {
      ...data,
      claim,
      customerUrl: `${request.publicUrl.replace(/\/$/, "")}/customers/${request.customerId}`,
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
