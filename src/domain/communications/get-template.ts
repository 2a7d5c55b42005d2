import { notFound } from "../../shared/errors";
import type { AppContext } from "../context";
import type { TemplateDetail, TemplateKey } from "./communications.schemas";
import { shippedTemplateOf, templateOfRow } from "./find-template";
import { selectTemplateVersions } from "./templates.repo";

/** `GET /api/templates/:code/:language/:channel`: the current template and its version history. */
export async function getTemplate(
  ctx: AppContext,
  companyId: number,
  key: TemplateKey,
): Promise<TemplateDetail> {
  const versions = await selectTemplateVersions(ctx.db, companyId, key);
  const current = versions[0] ? templateOfRow(versions[0]) : shippedTemplateOf(key);
  if (!current) throw notFound("Template", `${key.code}/${key.language}/${key.channel}`);
  return {
    ...current,
    history: versions.map((v) => ({
      version: v.version,
      updatedBy: v.updatedBy,
      updatedAt: v.updatedAt.toISOString(),
      comment: v.comment,
    })),
  };
}
