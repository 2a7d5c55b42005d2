import type { Queryable } from "../../db/client";
import { type CompiledScenarios, type CompileInput, compileScenarios } from "./compile-scenarios";
import { listCompanyVersions, listRules, listScenarios } from "./scenarios.repo";

/** The company's scenarios, rules and default, as the run's SQL reads them. */
export async function loadCompileInput(db: Queryable, companyId: number): Promise<CompileInput> {
  // One after the other: inside a transaction the queries share one connection.
  const versions = await listCompanyVersions(db, companyId);
  const rules = await listRules(db, companyId, true);
  const scenarios = await listScenarios(db, companyId);
  const defaultScenario = scenarios.find((s) => s.isDefault) ?? null;
  return { versions, rules, defaultScenarioId: defaultScenario?.id ?? null };
}

export async function loadCompiledScenarios(db: Queryable, companyId: number): Promise<CompiledScenarios> {
  return compileScenarios(await loadCompileInput(db, companyId));
}
