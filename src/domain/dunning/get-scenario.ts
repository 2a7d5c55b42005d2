import { notFound } from "../../shared/errors";
import type { AppContext } from "../context";
import { assignmentSourceSql, assignmentSql } from "./compile-scenarios";
import { countCoverage } from "./coverage.repo";
import type { ScenarioDetail, ScenarioSummary } from "./dunning.schemas";
import { ensureShippedScenarios } from "./ensure-shipped-scenarios";
import { loadCompileInput } from "./load-compiled-scenarios";
import { getVersion, listScenarios, listVersions, type ScenarioRow } from "./scenarios.repo";

async function coverageOf(ctx: AppContext, companyId: number): Promise<Map<number, number>> {
  const input = await loadCompileInput(ctx.db, companyId);
  return countCoverage(ctx.db, companyId, assignmentSql(input), assignmentSourceSql(input));
}

async function summaryOf(
  ctx: AppContext,
  row: ScenarioRow,
  coverage: Map<number, number>,
): Promise<ScenarioSummary> {
  const version = await getVersion(ctx.db, row.id);
  return {
    id: row.id,
    companyId: row.companyId,
    code: row.code,
    name: row.name,
    isDefault: row.isDefault,
    version: version?.version ?? 0,
    stepCount: version?.definition.steps.length ?? 0,
    updatedAt: row.updatedAt.toISOString(),
    customerCount: coverage.get(row.id) ?? 0,
  };
}

/** The company's scenarios (the shipped ones are created on first sight), with the customers each covers. */
export async function listScenarioSummaries(ctx: AppContext, companyId: number): Promise<ScenarioSummary[]> {
  await ctx.db.transaction((tx) => ensureShippedScenarios(tx, companyId));
  const rows = await listScenarios(ctx.db, companyId);
  const coverage = await coverageOf(ctx, companyId);
  const summaries: ScenarioSummary[] = [];
  for (const row of rows) summaries.push(await summaryOf(ctx, row, coverage));
  return summaries;
}

export async function getScenarioDetail(
  ctx: AppContext,
  row: ScenarioRow,
  version?: number,
): Promise<ScenarioDetail> {
  const chosen = await getVersion(ctx.db, row.id, version);
  if (!chosen) throw notFound("Scenario version", `${row.id}/${version ?? "current"}`);
  const coverage = await coverageOf(ctx, row.companyId);
  const summary = await summaryOf(ctx, row, coverage);
  const versions = await listVersions(ctx.db, row.id);
  return {
    ...summary,
    version: chosen.version,
    stepCount: chosen.definition.steps.length,
    definition: chosen.definition,
    versions: versions.map((v) => ({
      version: v.version,
      comment: v.comment,
      createdBy: v.createdBy,
      createdAt: v.createdAt.toISOString(),
    })),
  };
}
