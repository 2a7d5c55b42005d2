import { notFound, validationError } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import type { AssignmentRule, SaveRuleInput } from "./dunning.schemas";
import {
  deleteRule,
  findRule,
  findScenario,
  insertRule,
  listRules,
  type RuleRow,
  updateRule,
} from "./scenarios.repo";

function toRule(row: RuleRow): AssignmentRule {
  return {
    id: row.id,
    companyId: row.companyId,
    name: row.name,
    priority: row.priority,
    scenarioId: row.scenarioId,
    scenarioName: row.scenarioName,
    conditions: row.conditions as AssignmentRule["conditions"],
    isEnabled: row.isEnabled,
  };
}

export async function listAssignmentRules(ctx: AppContext, companyId: number): Promise<AssignmentRule[]> {
  return (await listRules(ctx.db, companyId)).map(toRule);
}

async function assertScenarioOfCompany(ctx: AppContext, input: SaveRuleInput): Promise<void> {
  const scenario = await findScenario(ctx.db, input.scenarioId);
  if (!scenario || scenario.companyId !== input.companyId) {
    throw validationError("The rule's scenario is not a scenario of this company", [
      { field: "scenarioId", value: input.scenarioId, message: "no such scenario in this company" },
    ]);
  }
}

async function ruleById(ctx: AppContext, id: number): Promise<AssignmentRule> {
  const rule = await findRule(ctx.db, id);
  if (!rule) throw notFound("Assignment rule", id);
  const row = (await listRules(ctx.db, rule.companyId)).find((r) => r.id === id);
  if (!row) throw notFound("Assignment rule", id);
  return toRule(row);
}

export async function createRule(
  ctx: AppContext,
  actor: Actor,
  input: SaveRuleInput,
): Promise<AssignmentRule> {
  await assertScenarioOfCompany(ctx, input);
  const id = await ctx.db.transaction(async (tx) => {
    const created = await insertRule(tx, input);
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "dunning_rule",
      entityId: created,
      after: input,
    });
    return created;
  });
  return ruleById(ctx, id);
}

export async function updateAssignmentRule(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: SaveRuleInput,
): Promise<AssignmentRule> {
  const before = await ruleById(ctx, id);
  await assertScenarioOfCompany(ctx, input);
  await ctx.db.transaction(async (tx) => {
    await updateRule(tx, id, input);
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "dunning_rule",
      entityId: id,
      before,
      after: input,
    });
  });
  return ruleById(ctx, id);
}

export async function removeRule(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const before = await ruleById(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await deleteRule(tx, id);
    await recordAudit(tx, { actor, action: "delete", entity: "dunning_rule", entityId: id, before });
  });
}
