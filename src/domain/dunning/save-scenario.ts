import { DomainError, notFound, validationError } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import {
  type CreateScenarioInput,
  ScenarioDefinition,
  type ScenarioDetail,
  type ScenarioDocument,
  type UpdateScenarioInput,
} from "./dunning.schemas";
import { getScenarioDetail } from "./get-scenario";
import { checkDefinition } from "./scenario.rules";
import {
  clearDefault,
  findScenario,
  findScenarioByCode,
  getVersion,
  insertScenario,
  insertVersion,
  type ScenarioRow,
  updateScenarioRow,
} from "./scenarios.repo";

function assertValid(definition: ScenarioDefinition, path = "definition"): void {
  const issues = checkDefinition(definition, path);
  if (issues.length > 0) throw validationError("The scenario's steps are not valid", issues);
}

/** jsonb keeps keys in its own order: compare two definitions in the schema's order. */
function isSameDefinition(a: ScenarioDefinition, b: unknown): boolean {
  const stored = ScenarioDefinition.safeParse(b);
  return stored.success && JSON.stringify(ScenarioDefinition.parse(a)) === JSON.stringify(stored.data);
}

export async function getScenarioRow(ctx: AppContext, id: number): Promise<ScenarioRow> {
  const row = await findScenario(ctx.db, id);
  if (!row) throw notFound("Scenario", id);
  return row;
}

export async function createScenario(
  ctx: AppContext,
  actor: Actor,
  input: CreateScenarioInput,
): Promise<ScenarioDetail> {
  assertValid(input.definition);
  const id = await ctx.db.transaction(async (tx) => {
    if (await findScenarioByCode(tx, input.companyId, input.code)) {
      throw new DomainError("CONFLICT", `A scenario with the code "${input.code}" already exists`, {
        issues: [{ field: "code", value: input.code, message: "already used in this company" }],
      });
    }
    const row = await insertScenario(tx, {
      companyId: input.companyId,
      code: input.code,
      name: input.name,
      isDefault: input.isDefault,
    });
    await insertVersion(tx, {
      scenarioId: row.id,
      definition: input.definition,
      comment: "Created",
      createdById: actor.userId,
    });
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "dunning_scenario",
      entityId: row.id,
      after: input,
    });
    return row.id;
  });
  return getScenarioDetail(ctx, await getScenarioRow(ctx, id));
}

/** Renames, makes default, or saves new steps as a new version; running work keeps its version. */
export async function updateScenario(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: UpdateScenarioInput,
): Promise<ScenarioDetail> {
  const row = await getScenarioRow(ctx, id);
  if (input.definition) assertValid(input.definition);
  await ctx.db.transaction(async (tx) => {
    const current = await getVersion(tx, id);
    if (input.baseVersion !== undefined && current && current.version !== input.baseVersion) {
      throw new DomainError(
        "CONFLICT",
        `Someone saved version ${current.version} of this scenario since you opened version ${input.baseVersion}`,
        {
          issues: [
            {
              field: "baseVersion",
              value: input.baseVersion,
              message: `the current version is ${current.version}`,
            },
          ],
        },
      );
    }
    if (input.isDefault) await clearDefault(tx, row.companyId);
    await updateScenarioRow(tx, id, {
      name: input.name ?? row.name,
      isDefault: input.isDefault ?? row.isDefault,
    });
    const changed = input.definition && !isSameDefinition(input.definition, current?.definition);
    if (input.definition && changed) {
      await insertVersion(tx, {
        scenarioId: id,
        definition: input.definition,
        comment: input.comment ?? null,
        createdById: actor.userId,
      });
    }
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "dunning_scenario",
      entityId: id,
      before: { name: row.name, isDefault: row.isDefault, version: current?.version },
      after: input,
    });
  });
  return getScenarioDetail(ctx, await getScenarioRow(ctx, id));
}

export async function exportScenario(ctx: AppContext, id: number): Promise<ScenarioDocument> {
  const row = await getScenarioRow(ctx, id);
  const version = await getVersion(ctx.db, id);
  if (!version) throw notFound("Scenario version", id);
  return {
    format: "encours.scenario",
    formatVersion: 1,
    code: row.code,
    name: row.name,
    definition: version.definition,
  };
}

/** A document exported from Encours: a new scenario, or a new version of the one with the same code. */
export async function importScenario(
  ctx: AppContext,
  actor: Actor,
  input: { companyId: number; document: ScenarioDocument },
): Promise<ScenarioDetail> {
  const { document } = input;
  assertValid(document.definition, "document.definition");
  const existing = await findScenarioByCode(ctx.db, input.companyId, document.code);
  if (!existing) {
    return createScenario(ctx, actor, {
      companyId: input.companyId,
      code: document.code,
      name: document.name,
      isDefault: false,
      definition: document.definition,
    });
  }
  return updateScenario(ctx, actor, existing.id, {
    name: document.name,
    definition: document.definition,
    comment: "Imported from a JSON document",
  });
}
