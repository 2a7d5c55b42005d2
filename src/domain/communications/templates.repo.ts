import { and, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { appUser, messageTemplate } from "../../db/schema";
import type { TemplateBody, TemplateKey } from "./communications.schemas";

export type TemplateRow = TemplateBody & {
  code: string;
  language: string;
  channel: string;
  version: number;
  comment: string | null;
  updatedBy: string | null;
  updatedAt: Date;
};

const COLUMNS = {
  code: messageTemplate.code,
  language: messageTemplate.language,
  channel: messageTemplate.channel,
  version: messageTemplate.version,
  subject: messageTemplate.subject,
  html: messageTemplate.html,
  text: messageTemplate.text,
  comment: messageTemplate.comment,
  updatedBy: appUser.name,
  updatedAt: messageTemplate.updatedAt,
};

/** Every saved version of one template, newest first. */
export async function selectTemplateVersions(
  q: Queryable,
  companyId: number,
  key: TemplateKey,
): Promise<TemplateRow[]> {
  return q
    .select(COLUMNS)
    .from(messageTemplate)
    .leftJoin(appUser, eq(appUser.id, messageTemplate.updatedById))
    .where(
      and(
        eq(messageTemplate.companyId, companyId),
        eq(messageTemplate.code, key.code),
        eq(messageTemplate.language, key.language),
        eq(messageTemplate.channel, key.channel),
      ),
    )
    .orderBy(desc(messageTemplate.version));
}

/** The current (highest) version of each of the company's own templates. */
export async function selectCurrentTemplates(q: Queryable, companyId: number): Promise<TemplateRow[]> {
  const rows = await q
    .selectDistinctOn([messageTemplate.code, messageTemplate.language, messageTemplate.channel], COLUMNS)
    .from(messageTemplate)
    .leftJoin(appUser, eq(appUser.id, messageTemplate.updatedById))
    .where(eq(messageTemplate.companyId, companyId))
    .orderBy(
      messageTemplate.code,
      messageTemplate.language,
      messageTemplate.channel,
      desc(messageTemplate.version),
    );
  return rows;
}

/** Writes version `version`; the unique key refuses a concurrent save of the same version (null = lost the race). */
export async function insertTemplateVersion(
  q: Queryable,
  values: TemplateKey &
    TemplateBody & { companyId: number; version: number; comment: string | null; userId: number | null },
): Promise<number | null> {
  const rows = await q
    .insert(messageTemplate)
    .values({
      companyId: values.companyId,
      code: values.code,
      language: values.language,
      channel: values.channel,
      version: values.version,
      subject: values.subject,
      html: values.html,
      text: values.text,
      comment: values.comment,
      updatedById: values.userId,
    })
    .onConflictDoNothing()
    .returning({ id: messageTemplate.id });
  return rows[0]?.id ?? null;
}

export async function companyExists(q: Queryable, companyId: number): Promise<boolean> {
  const result = await q.execute(sql`select 1 from company where id = ${companyId}`);
  return result.rows.length > 0;
}
