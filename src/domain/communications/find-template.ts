import type { Queryable } from "../../db/client";
import type { LanguageCode } from "../../shared/schemas";
import type { Template, TemplateKey } from "./communications.schemas";
import { findShippedTemplate } from "./shipped-templates";
import { selectTemplateVersions, type TemplateRow } from "./templates.repo";

export function templateOfRow(row: TemplateRow): Template {
  return {
    code: row.code,
    language: row.language as LanguageCode,
    channel: row.channel as Template["channel"],
    subject: row.subject,
    html: row.html,
    text: row.text,
    version: row.version,
    isShipped: false,
    isFallback: false,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The shipped default of a key (English when the language has none), or null. */
export function shippedTemplateOf(key: TemplateKey): Template | null {
  const shipped = findShippedTemplate(key.code, key.language, key.channel);
  if (!shipped) return null;
  return {
    ...key,
    ...shipped.body,
    version: 0,
    isShipped: true,
    isFallback: shipped.isFallback,
    updatedBy: null,
    updatedAt: null,
  };
}

/** The template a message uses: the company's latest saved version, else the shipped default. */
export async function findCurrentTemplate(
  q: Queryable,
  companyId: number,
  key: TemplateKey,
): Promise<Template | null> {
  const [latest] = await selectTemplateVersions(q, companyId, key);
  return latest ? templateOfRow(latest) : shippedTemplateOf(key);
}
