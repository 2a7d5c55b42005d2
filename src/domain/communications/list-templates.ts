import { LanguageCode } from "../../shared/schemas";
import type { AppContext } from "../context";
import type { Template, TemplateList } from "./communications.schemas";
import { shippedTemplateOf, templateOfRow } from "./find-template";
import { SHIPPED_EMAIL_CODES } from "./shipped-templates";
import { selectCurrentTemplates } from "./templates.repo";

/** `GET /api/templates`: every shipped email in every language, replaced by the company's own version when it has one. */
export async function listTemplates(ctx: AppContext, companyId: number): Promise<TemplateList> {
  const byKey = new Map<string, Template>();
  const keyOf = (t: Pick<Template, "code" | "language" | "channel">) =>
    `${t.code}/${t.language}/${t.channel}`;
  for (const code of SHIPPED_EMAIL_CODES) {
    for (const language of LanguageCode.options) {
      const shipped = shippedTemplateOf({ code, language, channel: "email" });
      if (shipped) byKey.set(keyOf(shipped), shipped);
    }
  }
  for (const row of await selectCurrentTemplates(ctx.db, companyId)) {
    const own = templateOfRow(row);
    byKey.set(keyOf(own), own);
  }
  const items = [...byKey.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  return { items };
}
