import { DomainError, notFound } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import type { SaveTemplateInput, TemplateDetail, TemplateKey } from "./communications.schemas";
import { getTemplate } from "./get-template";
import { assertTemplateValid } from "./liquid-sandbox";
import { sampleVariables } from "./sample-message";
import { companyExists, insertTemplateVersion, selectTemplateVersions } from "./templates.repo";

/**
 * `PUT /api/templates/:code/:language/:channel`: validates (syntax, unknown variables — each with
 * its line and column) and saves a new version; saving over a newer version than the one opened is refused.
 */
export async function saveTemplate(
  ctx: AppContext,
  actor: Actor,
  companyId: number,
  key: TemplateKey,
  input: SaveTemplateInput,
): Promise<TemplateDetail> {
  if (!(await companyExists(ctx.db, companyId))) throw notFound("Company", companyId);
  const parts: Record<string, string> =
    key.channel === "email"
      ? { subject: input.subject, html: input.html, text: input.text }
      : key.channel === "letter"
        ? { subject: input.subject, text: input.text }
        : { text: input.text };
  assertTemplateValid(parts, sampleVariables(key.language, key.channel));
  await ctx.db.transaction(async (tx) => {
    const [latest] = await selectTemplateVersions(tx, companyId, key);
    const current = latest?.version ?? 0;
    if (input.baseVersion !== undefined && input.baseVersion !== current) {
      throw new DomainError(
        "CONFLICT",
        `Version ${current} was saved after the version ${input.baseVersion} you opened`,
        {
          currentVersion: current,
        },
      );
    }
    const id = await insertTemplateVersion(tx, {
      ...key,
      subject: key.channel === "sms" ? "" : input.subject,
      html: key.channel === "email" ? input.html : "",
      text: input.text,
      companyId,
      version: current + 1,
      comment: input.comment ?? null,
      userId: actor.userId,
    });
    if (id === null)
      throw new DomainError("CONFLICT", "Someone saved this template at the same time; reload it");
    await recordAudit(tx, {
      actor,
      action: "template.save",
      entity: "message_template",
      entityId: id,
      after: { companyId, ...key, version: current + 1 },
    });
  });
  return getTemplate(ctx, companyId, key);
}
