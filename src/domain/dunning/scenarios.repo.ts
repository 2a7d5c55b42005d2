import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Queryable as Db } from "../../db/client";
import { appUser, company, dunningRule, dunningScenario, dunningScenarioVersion } from "../../db/schema";
import type { RuleCondition, ScenarioDefinition } from "./dunning.schemas";
import { SHIPPED_RULES, SHIPPED_SCENARIOS } from "./shipped-scenarios";
import { localizeDefinition, shippedText } from "./shipped-texts";

export type ScenarioRow = typeof dunningScenario.$inferSelect;

export type VersionRow = {
  versionId: number;
  scenarioId: number;
  scenarioName: string;
  version: number;
  definition: ScenarioDefinition;
};

/** Every version of every scenario of a company: the run needs old versions for items that began on them. */
export async function listCompanyVersions(db: Db, companyId: number): Promise<VersionRow[]> {
  const rows = await db
    .select({
      versionId: dunningScenarioVersion.id,
      scenarioId: dunningScenario.id,
      scenarioName: dunningScenario.name,
      version: dunningScenarioVersion.version,
      definition: dunningScenarioVersion.definition,
    })
    .from(dunningScenarioVersion)
    .innerJoin(dunningScenario, eq(dunningScenario.id, dunningScenarioVersion.scenarioId))
    .where(eq(dunningScenario.companyId, companyId));
  return rows.map((row) => ({ ...row, definition: row.definition as ScenarioDefinition }));
}

export async function findScenario(db: Db, id: number): Promise<ScenarioRow | null> {
  const [row] = await db.select().from(dunningScenario).where(eq(dunningScenario.id, id));
  return row ?? null;
}

export async function findScenarioByCode(
  db: Db,
  companyId: number,
  code: string,
): Promise<ScenarioRow | null> {
  const [row] = await db
    .select()
    .from(dunningScenario)
    .where(and(eq(dunningScenario.companyId, companyId), eq(dunningScenario.code, code)));
  return row ?? null;
}

export async function listScenarios(db: Db, companyId: number): Promise<ScenarioRow[]> {
  return db
    .select()
    .from(dunningScenario)
    .where(and(eq(dunningScenario.companyId, companyId), eq(dunningScenario.isArchived, false)))
    .orderBy(desc(dunningScenario.isDefault), asc(dunningScenario.name));
}

export async function getVersion(db: Db, scenarioId: number, version?: number) {
  const [row] = await db
    .select()
    .from(dunningScenarioVersion)
    .where(
      version === undefined
        ? sql`${dunningScenarioVersion.id} = (select current_version_id from dunning_scenario where id = ${scenarioId})`
        : and(eq(dunningScenarioVersion.scenarioId, scenarioId), eq(dunningScenarioVersion.version, version)),
    );
  return row ? { ...row, definition: row.definition as ScenarioDefinition } : null;
}

export async function listVersions(db: Db, scenarioId: number) {
  return db
    .select({
      version: dunningScenarioVersion.version,
      comment: dunningScenarioVersion.comment,
      createdBy: appUser.name,
      createdAt: dunningScenarioVersion.createdAt,
    })
    .from(dunningScenarioVersion)
    .leftJoin(appUser, eq(appUser.id, dunningScenarioVersion.createdById))
    .where(eq(dunningScenarioVersion.scenarioId, scenarioId))
    .orderBy(desc(dunningScenarioVersion.version));
}

type NewScenario = { companyId: number; code: string; name: string; isDefault: boolean };

export async function insertScenario(db: Db, input: NewScenario): Promise<ScenarioRow> {
  if (input.isDefault) await clearDefault(db, input.companyId);
  const [row] = await db.insert(dunningScenario).values(input).returning();
  return row as ScenarioRow;
}

export async function clearDefault(db: Db, companyId: number): Promise<void> {
  await db
    .update(dunningScenario)
    .set({ isDefault: false })
    .where(and(eq(dunningScenario.companyId, companyId), eq(dunningScenario.isDefault, true)));
}

export async function updateScenarioRow(db: Db, id: number, changes: Partial<NewScenario>): Promise<void> {
  await db
    .update(dunningScenario)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(dunningScenario.id, id));
}

/** Appends a version and makes it current; versions are never updated. */
export async function insertVersion(
  db: Db,
  input: {
    scenarioId: number;
    definition: ScenarioDefinition;
    comment: string | null;
    createdById: number | null;
  },
): Promise<number> {
  const [row] = await db
    .insert(dunningScenarioVersion)
    .values({
      scenarioId: input.scenarioId,
      version: sql`(select coalesce(max(version), 0) + 1 from dunning_scenario_version where scenario_id = ${input.scenarioId})`,
      definition: input.definition,
      comment: input.comment,
      createdById: input.createdById,
    })
    .returning({ id: dunningScenarioVersion.id, version: dunningScenarioVersion.version });
  const created = row as { id: number; version: number };
  await db
    .update(dunningScenario)
    .set({ currentVersionId: created.id, updatedAt: sql`now()` })
    .where(eq(dunningScenario.id, input.scenarioId));
  return created.version;
}

export type RuleRow = typeof dunningRule.$inferSelect & { scenarioName: string };

export async function listRules(db: Db, companyId: number, enabledOnly = false): Promise<RuleRow[]> {
  const rows = await db
    .select({ rule: dunningRule, scenarioName: dunningScenario.name })
    .from(dunningRule)
    .innerJoin(dunningScenario, eq(dunningScenario.id, dunningRule.scenarioId))
    .where(
      and(eq(dunningRule.companyId, companyId), enabledOnly ? eq(dunningRule.isEnabled, true) : undefined),
    )
    .orderBy(asc(dunningRule.priority), asc(dunningRule.id));
  return rows.map((r) => ({ ...r.rule, scenarioName: r.scenarioName }));
}

export async function findRule(db: Db, id: number) {
  const [row] = await db.select().from(dunningRule).where(eq(dunningRule.id, id));
  return row ?? null;
}

type RuleValues = {
  companyId: number;
  name: string;
  priority: number;
  scenarioId: number;
  conditions: RuleCondition[];
  isEnabled: boolean;
};

export async function insertRule(db: Db, values: RuleValues): Promise<number> {
  const [row] = await db.insert(dunningRule).values(values).returning({ id: dunningRule.id });
  return (row as { id: number }).id;
}

export async function updateRule(db: Db, id: number, values: RuleValues): Promise<void> {
  await db
    .update(dunningRule)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(dunningRule.id, id));
}

export async function deleteRule(db: Db, id: number): Promise<void> {
  await db.delete(dunningRule).where(eq(dunningRule.id, id));
}

/** Creates the three shipped scenarios and their rules for a company that has no scenario yet. */
export async function insertShippedScenarios(db: Db, companyId: number): Promise<boolean> {
  const [existing] = await db
    .select({ id: dunningScenario.id })
    .from(dunningScenario)
    .where(eq(dunningScenario.companyId, companyId))
    .limit(1);
  if (existing) return false;
  const [owner] = await db
    .select({ language: company.defaultLanguage })
    .from(company)
    .where(eq(company.id, companyId));
  const language = owner?.language ?? "en";
  const ids = new Map<string, number>();
  for (const shipped of SHIPPED_SCENARIOS) {
    const row = await insertScenario(db, {
      companyId,
      code: shipped.code,
      name: shippedText(shipped.name, language),
      isDefault: shipped.isDefault,
    });
    await insertVersion(db, {
      scenarioId: row.id,
      definition: localizeDefinition(shipped.definition, language),
      comment: shippedText("Shipped with Encours", language),
      createdById: null,
    });
    ids.set(shipped.code, row.id);
  }
  for (const rule of SHIPPED_RULES) {
    const scenarioId = ids.get(rule.scenarioCode);
    if (scenarioId === undefined) continue;
    await insertRule(db, { companyId, ...rule, name: shippedText(rule.name, language), scenarioId });
  }
  return true;
}
