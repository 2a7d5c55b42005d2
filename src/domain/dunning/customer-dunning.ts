import { eq, sql } from "drizzle-orm";
import { customer } from "../../db/schema";
import { notFound, validationError } from "../../shared/errors";
import { recordActivity, recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import { assertCustomerVisible } from "../customers/get-customer";
import type { Actor } from "../users/users.types";
import { selectActions } from "./actions.repo";
import { assignmentSourceSql, assignmentSql } from "./compile-scenarios";
import { listCoverage } from "./coverage.repo";
import type { CustomerDunning, HoldInput } from "./dunning.schemas";
import { ensureShippedScenarios } from "./ensure-shipped-scenarios";
import { findActiveHold, insertHolds, markReleased, selectActiveHolds } from "./holds.repo";
import { loadCompileInput } from "./load-compiled-scenarios";
import { runDunning } from "./run-dunning";
import { findScenario, getVersion } from "./scenarios.repo";
import { findDunningSettings } from "./settings.repo";

/** How far ahead the customer page looks for the next planned action. */
const NEXT_ACTION_HORIZON_DAYS = 60;

async function customerRow(ctx: AppContext, actor: Actor, id: number) {
  await assertCustomerVisible(ctx, actor, id);
  const [row] = await ctx.db.select().from(customer).where(eq(customer.id, id));
  if (!row) throw notFound("Customer", id);
  return row;
}

async function scenarioOf(ctx: AppContext, companyId: number, customerId: number) {
  const input = await loadCompileInput(ctx.db, companyId);
  const { rows } = await listCoverage(ctx.db, {
    companyId,
    customerId,
    assignment: assignmentSql(input),
    source: assignmentSourceSql(input),
    page: 1,
    pageSize: 1,
  });
  const row = rows[0];
  if (!row || row.scenario_id === null) return null;
  const scenario = await findScenario(ctx.db, Number(row.scenario_id));
  const version = await getVersion(ctx.db, Number(row.scenario_id));
  if (!scenario || !version) return null;
  const ruleId = row.source.startsWith("rule:") ? Number(row.source.slice(5)) : null;
  const rule = ruleId === null ? null : input.rules.find((r) => r.id === ruleId);
  return {
    id: scenario.id,
    name: scenario.name,
    version: version.version,
    source: ruleId === null ? (row.source as "override" | "default") : ("rule" as const),
    ruleName: rule?.name ?? null,
  };
}

/** The customer's dunning at a glance: scenario and why, holds, the next action the run would plan. */
export async function getCustomerDunning(
  ctx: AppContext,
  actor: Actor,
  customerId: number,
): Promise<CustomerDunning> {
  const row = await customerRow(ctx, actor, customerId);
  const settings = await findDunningSettings(ctx.db, row.companyId);
  if (!settings) throw notFound("Company", row.companyId);
  // The simulation below rolls back the shipped scenarios it creates; the scenario shown must exist.
  await ctx.db.transaction((tx) => ensureShippedScenarios(tx, row.companyId));
  const today = ctx.clock.today(settings.timeZone);
  const simulation = await runDunning(ctx, actor, {
    companyId: row.companyId,
    dryRun: true,
    days: NEXT_ACTION_HORIZON_DAYS,
    customers: sql`select ${customerId}::bigint`,
    trigger: "simulation",
    untilFirstAction: true,
  });
  const first = simulation.days.find((d) => d.actions.length > 0);
  const action = first?.actions[0];
  return {
    scenario: await scenarioOf(ctx, row.companyId, customerId),
    accountStatus: row.accountStatus as CustomerDunning["accountStatus"],
    nextAction:
      first && action
        ? {
            date: first.date,
            type: action.type,
            step: action.step,
            stepName: action.stepName,
            reason: action.reason,
            reasonData: action.reasonData,
          }
        : null,
    holds: await selectActiveHolds(ctx.db, customerId, today, settings.promiseGraceDays),
    recentActions: await selectActions(ctx.db, sql`a.customer_id = ${customerId}`, 20),
  };
}

/** Overrides the assignment rules for one customer (null: back to the rules). */
export async function setCustomerScenario(
  ctx: AppContext,
  actor: Actor,
  customerId: number,
  scenarioId: number | null,
): Promise<CustomerDunning> {
  const row = await customerRow(ctx, actor, customerId);
  const scenario = scenarioId === null ? null : await findScenario(ctx.db, scenarioId);
  if (scenarioId !== null && (!scenario || scenario.companyId !== row.companyId)) {
    throw validationError("No such scenario in the customer's company", [
      { field: "scenarioId", value: scenarioId, message: "not a scenario of this company" },
    ]);
  }
  await ctx.db.transaction(async (tx) => {
    await tx.update(customer).set({ dunningScenarioId: scenarioId }).where(eq(customer.id, customerId));
    await recordAudit(tx, {
      actor,
      action: "set_scenario",
      entity: "customer",
      entityId: customerId,
      before: { scenarioId: row.dunningScenarioId },
      after: { scenarioId },
    });
    await recordActivity(tx, {
      companyId: row.companyId,
      customerId,
      type: "scenario_changed",
      actorId: actor.userId,
      summary:
        scenarioId === null ? "Scenario: back to the assignment rules" : "Scenario set for this customer",
      data: { scenarioId, scenarioName: scenario?.name ?? null },
    });
  });
  return getCustomerDunning(ctx, actor, customerId);
}

/** Holds the dunning of a whole customer or of some of its invoices, with a reason and an optional end. */
export async function holdDunning(
  ctx: AppContext,
  actor: Actor,
  customerId: number,
  input: HoldInput,
): Promise<CustomerDunning> {
  const row = await customerRow(ctx, actor, customerId);
  const invoices = await ctx.db.execute<{ id: number; number: string }>(sql`
    select id, number from invoice
    where customer_id = ${customerId}
      and id in (select (jsonb_array_elements_text(${JSON.stringify(input.invoiceIds)}::jsonb))::bigint)
    order by number`);
  const found = new Set(invoices.rows.map((r) => Number(r.id)));
  const missing = input.invoiceIds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw validationError("Some invoices are not this customer's", [
      { field: "invoiceIds", value: missing, message: "not invoices of this customer" },
    ]);
  }
  await ctx.db.transaction(async (tx) => {
    const ids = await insertHolds(tx, {
      companyId: row.companyId,
      customerId,
      invoiceIds: input.invoiceIds.length === 0 ? [null] : input.invoiceIds,
      reason: input.reason,
      untilDate: input.untilDate ?? null,
      createdById: actor.userId,
    });
    const what =
      input.invoiceIds.length === 0 ? "all invoices" : invoices.rows.map((r) => r.number).join(", ");
    await recordActivity(tx, {
      companyId: row.companyId,
      customerId,
      type: "dunning_hold",
      actorId: actor.userId,
      summary: `Dunning held (${what}): ${input.reason}${input.untilDate ? ` until ${input.untilDate}` : ""}`,
      data: {
        holdIds: ids,
        invoiceIds: input.invoiceIds,
        heldInvoiceNumbers: invoices.rows.map((r) => r.number),
        reason: input.reason,
        untilDate: input.untilDate ?? null,
      },
    });
    await recordAudit(tx, { actor, action: "hold", entity: "customer", entityId: customerId, after: input });
  });
  return getCustomerDunning(ctx, actor, customerId);
}

export async function releaseHold(ctx: AppContext, actor: Actor, holdId: number): Promise<CustomerDunning> {
  const hold = await findActiveHold(ctx.db, holdId);
  if (!hold) throw notFound("Active hold", holdId);
  await customerRow(ctx, actor, hold.customerId);
  await ctx.db.transaction(async (tx) => {
    await markReleased(tx, holdId, actor.userId);
    await recordActivity(tx, {
      companyId: hold.companyId,
      customerId: hold.customerId,
      invoiceId: hold.invoiceId,
      type: "dunning_resumed",
      actorId: actor.userId,
      summary: `Dunning resumed (hold: ${hold.reason})`,
      data: { holdId, reason: hold.reason },
    });
    await recordAudit(tx, {
      actor,
      action: "release_hold",
      entity: "dunning_hold",
      entityId: holdId,
      before: hold,
    });
  });
  return getCustomerDunning(ctx, actor, hold.customerId);
}
