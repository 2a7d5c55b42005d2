import { LanguageCode } from "../../shared/schemas";
import type { AppContext } from "../context";
import { TEMPLATE_CHANNELS, type Template, type TemplateList } from "./communications.schemas";
import { shippedTemplateOf, templateOfRow } from "./find-template";
import { SHIPPED_CODES } from "./shipped-templates";
import { selectCurrentTemplates } from "./templates.repo";

/** `GET /api/templates`: every shipped template (email, SMS, letter) in every language, replaced by the company's own version when it has one. */
export async function listTemplates(ctx: AppContext, companyId: number): Promise<TemplateList> {
  const byKey = new Map<string, Template>();
  const keyOf = (t: Pick<Template, "code" | "language" | "channel">) =>
    `${t.code}/${t.language}/${t.channel}`;
  for (const channel of TEMPLATE_CHANNELS) {
    for (const code of SHIPPED_CODES[channel]) {
      for (const language of LanguageCode.options) {
        const shipped = shippedTemplateOf({ code, language, channel });
        if (shipped) byKey.set(keyOf(shipped), shipped);
      }
    }
  }
  for (const row of await selectCurrentTemplates(ctx.db, companyId)) {
    const own = templateOfRow(row);
    byKey.set(keyOf(own), own);
  }
  const items = [...byKey.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  return { items };
}
