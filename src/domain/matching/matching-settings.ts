import { eq } from "drizzle-orm";
import { company } from "../../db/schema";
import { notFound } from "../../shared/errors";
import { formatMajor } from "../../shared/money";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { parseAmount } from "./match-by-hand";
import type { MatchingSettings } from "./matching.schemas";

export async function getMatchingSettings(ctx: AppContext, companyId: number): Promise<MatchingSettings> {
  const [row] = await ctx.db
    .select({
      autoThreshold: company.matchingAutoThreshold,
      tolerance: company.matchingWriteOffTolerance,
      currency: company.currency,
    })
    .from(company)
    .where(eq(company.id, companyId));
  if (!row) throw notFound("Company", companyId);
  return {
    autoThreshold: row.autoThreshold,
    writeOffTolerance: formatMajor({
      minor: parseAmount(row.tolerance, row.currency, "writeOffTolerance"),
      currency: row.currency,
    }),
  };
}

/** The threshold above which a match is applied without a person, and the largest write-off (company currency). */
export async function saveMatchingSettings(
  ctx: AppContext,
  actor: Actor,
  companyId: number,
  settings: MatchingSettings,
): Promise<MatchingSettings> {
  const before = await getMatchingSettings(ctx, companyId);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ currency: company.currency })
      .from(company)
      .where(eq(company.id, companyId));
    if (!row) throw notFound("Company", companyId);
    const minor = parseAmount(settings.writeOffTolerance, row.currency, "writeOffTolerance");
    await tx
      .update(company)
      .set({
        matchingAutoThreshold: settings.autoThreshold,
        matchingWriteOffTolerance: formatMajor({ minor: Math.abs(minor), currency: row.currency }),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(company.id, companyId));
    await recordAudit(tx, {
      actor,
      action: "matching.settings",
      entity: "company",
      entityId: companyId,
      before,
      after: settings,
    });
  });
  return getMatchingSettings(ctx, companyId);
}
