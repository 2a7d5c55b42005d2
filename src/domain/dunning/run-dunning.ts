import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { addDays, type IsoDate, toIsoDateInZone } from "../../shared/dates";
import { DomainError, notFound } from "../../shared/errors";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { cancelSettledActions, type DeferredRow, selectActions, selectDeferredGroups } from "./actions.repo";
import { nonWorkingReason, publicHoliday, sendTime } from "./calendar.rules";
import type { RunDay, RunInput, RunResult } from "./dunning.schemas";
import { ensureShippedScenarios } from "./ensure-shipped-scenarios";
import { loadCompiledScenarios } from "./load-compiled-scenarios";
import { dropPlanTables, planDay } from "./run-plan.repo";
import { applyActionEffects, writePlan } from "./run-write.repo";
import { finishRun, insertRun, lockCompanyRun } from "./runs.repo";
import { type CompanyDunningSettings, findDunningSettings, listCompanyIds } from "./settings.repo";

export type RunDunningOptions = Partial<RunInput> & {
  trigger: "cli" | "api" | "scheduler" | "simulation";
  /** A subquery of the customer ids to consider (a portfolio, one customer); all when absent. */
  customers?: SQL | null;
  /** The bench and the scheduler need counts only, not the list of actions. */
  collectActions?: boolean;
  /** Dry run: stop at the first day that plans something (the customer page's "next action"). */
  untilFirstAction?: boolean;
  /** Dry run: each day also lists what earlier runs already planned for it (the calendar shows today whole). */
  includePlanned?: boolean;
};

/** Thrown to roll a dry run back once its results are read. */
class DryRunRollback extends Error {
  constructor(readonly result: RunResult) {
    super("dry run");
  }
}

/**
 * The daily dunning run: for each company (or the one asked), plans the actions due on the date, in one
 * transaction per company, idempotently. A dry run simulates `days` consecutive days in one transaction
 * (each day sees the previous days' steps, as the real runs would) and rolls everything back.
 */
export async function runDunning(
  ctx: AppContext,
  actor: Actor,
  options: RunDunningOptions,
): Promise<RunResult> {
  const companyIds = options.companyId ? [options.companyId] : await listCompanyIds(ctx.db);
  const days = options.dryRun ? (options.days ?? 1) : 1;
  if (!options.dryRun && options.days !== undefined && options.days > 1) {
    throw new DomainError("VALIDATION", "--days is for dry runs only: a real run plans one date", {
      issues: [{ field: "days", value: options.days, message: "use it with --dry-run" }],
    });
  }
  const firstDate = { value: options.date ?? null };
  const runAll = async (tx: Tx | null): Promise<RunDay[]> => {
    const result: RunDay[] = [];
    for (const companyId of companyIds) {
      const step = async (db: Tx) => {
        const settings = await findDunningSettings(db, companyId);
        if (!settings) throw notFound("company", companyId);
        const start = options.date ?? toIsoDateInZone(ctx.clock.now(), settings.timeZone);
        firstDate.value ??= start;
        for (let d = 0; d < days; d++) {
          const date = addDays(start, d);
          const day = await runCompanyDay(db, ctx, actor, {
            ...options,
            settings,
            date,
            isFirstDay: d === 0,
          });
          result.push(day);
          if (options.untilFirstAction && day.actions.length > 0) break;
        }
      };
      if (tx) await step(tx);
      else await ctx.db.transaction(step);
    }
    return result;
  };
  if (!options.dryRun) {
    const result = await runAll(null);
    return { date: (firstDate.value ?? "") as IsoDate, dryRun: false, days: result };
  }
  try {
    await ctx.db.transaction(async (tx) => {
      const result = await runAll(tx);
      throw new DryRunRollback({ date: (firstDate.value ?? "") as IsoDate, dryRun: true, days: result });
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
  throw new Error("unreachable: a dry run always rolls back");
}

type DayOptions = RunDunningOptions & {
  settings: CompanyDunningSettings;
  date: IsoDate;
  isFirstDay: boolean;
};

async function runCompanyDay(tx: Tx, ctx: AppContext, actor: Actor, options: DayOptions): Promise<RunDay> {
  const { settings, date } = options;
  const companyId = settings.companyId;
  await lockCompanyRun(tx, companyId);
  await ensureShippedScenarios(tx, companyId);
  // Nothing gets paid inside a simulation: settled messages are cancelled once, and not for one portfolio.
  const shouldCancel = options.isFirstDay && !options.customers;
  const cancelled = shouldCancel ? await cancelSettledActions(tx, companyId) : 0;
  const runId = await insertRun(tx, {
    companyId,
    runDate: date,
    trigger: options.trigger,
    actorId: actor.userId,
  });
  const skipped = nonWorkingReason(date, settings);
  if (skipped) {
    const details = { skipped };
    await finishRun(tx, runId, { actionsCreated: 0, itemsAdvanced: 0, actionsCancelled: cancelled, details });
    const holiday = publicHoliday(date, settings);
    return { date, companyId, skipped, holiday, actions: [], created: 0, deferred: [], cancelled };
  }
  const scenarios = await loadCompiledScenarios(tx, companyId);
  await planDay(tx, {
    companyId,
    runDate: date,
    catchUp: settings.catchUp,
    minGapDays: settings.minGapDays,
    promiseGraceDays: settings.promiseGraceDays,
    customers: options.customers ?? null,
    scenarios,
  });
  const scheduledAt = sendTime(date, ctx.clock.now(), settings);
  const written = await writePlan(tx, { runId, runDate: date, scheduledAt, scenarios });
  await applyActionEffects(tx, sql`a.run_id = ${runId}`);
  const deferredRows = await selectDeferredGroups(tx);
  const actions = options.collectActions === false ? [] : await selectActions(tx, dayActions(options, runId));
  await finishRun(tx, runId, {
    actionsCreated: written.actions,
    itemsAdvanced: written.items,
    actionsCancelled: cancelled,
    details: { deferred: deferredRows.length },
  });
  await dropPlanTables(tx);
  const deferred = deferredRows.map((row) => ({
    customer: { id: row.customer_id, externalRef: row.customer_ref, name: row.customer_name },
    currency: row.currency,
    step: row.step_key,
    stepName: row.step_name,
    reason: deferredReason(row, settings.minGapDays),
    reasonCode: row.deferred,
    lastContact: row.last_date,
  }));
  return {
    date,
    companyId,
    skipped: null,
    holiday: null,
    actions,
    created: written.actions,
    deferred,
    cancelled,
  };
}

/** The actions of this run; with includePlanned, every action planned for the date (in the same customers). */
function dayActions(options: DayOptions, runId: number): SQL {
  if (!options.includePlanned) return sql`a.run_id = ${runId}`;
  const customers = options.customers ? sql` and a.customer_id in (${options.customers})` : sql``;
  return sql`a.company_id = ${options.settings.companyId} and a.run_date = ${options.date}::date${customers}`;
}

function deferredReason(row: DeferredRow, minGapDays: number): string {
  if (row.deferred === "same_day") return "the customer already gets a message today";
  return `last message to this customer on ${row.last_date}, less than ${Math.max(minGapDays, 1)} days ago`;
}
