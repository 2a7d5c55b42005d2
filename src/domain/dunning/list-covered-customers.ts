import type { AppContext } from "../context";
import { assignmentSourceSql, assignmentSql } from "./compile-scenarios";
import { listCoverage } from "./coverage.repo";
import type { CoveredCustomerPage } from "./dunning.schemas";
import { loadCompileInput } from "./load-compiled-scenarios";
import type { ScenarioRow } from "./scenarios.repo";

/** The customers a scenario covers today, and why (override, which rule, or the default). */
export async function listCoveredCustomers(
  ctx: AppContext,
  scenario: ScenarioRow,
  page: { page: number; pageSize: number },
): Promise<CoveredCustomerPage> {
  const input = await loadCompileInput(ctx.db, scenario.companyId);
  const { rows, total } = await listCoverage(ctx.db, {
    companyId: scenario.companyId,
    scenarioId: scenario.id,
    assignment: assignmentSql(input),
    source: assignmentSourceSql(input),
    ...page,
  });
  const ruleNames = new Map(input.rules.map((r) => [r.id, r.name]));
  const items = rows.map((row) => {
    const ruleId = row.source.startsWith("rule:") ? Number(row.source.slice(5)) : null;
    return {
      id: Number(row.id),
      externalRef: row.external_ref,
      name: row.name,
      segment: row.segment,
      source: ruleId === null ? (row.source as "override" | "default") : ("rule" as const),
      ruleName: ruleId === null ? null : (ruleNames.get(ruleId) ?? null),
    };
  });
  return { items, total, ...page };
}
