import { type SQL, sql } from "drizzle-orm";
import { allOf, type ConditionColumns, caseByKey, conditionSql, ruleConditionSql } from "./conditions.repo";
import type { RuleCondition, ScenarioAction, ScenarioDefinition, StepCondition } from "./dunning.schemas";
import {
  channelOf,
  cumulativeOffsets,
  describeCondition,
  isCustomerFacing,
  stepLabel,
} from "./scenario.rules";

export type StepRow = {
  v: number;
  i: number;
  key: string;
  name: string;
  scenario: string;
  version: number;
  /** Days from the due date when every previous step happened on time. */
  off: number;
  /** Counted from the day the previous step happened. */
  rel: boolean;
  roff: number;
  facing: boolean;
  review: boolean;
};

export type ActionRow = {
  v: number;
  i: number;
  a: number;
  type: ScenarioAction["type"];
  channel: string;
  review: boolean;
  step_key: string;
  step_name: string;
  scenario: string;
  /** What the reason says about the conditions that were met, in words and as written in the scenario. */
  conditions: string[];
  condition_data: StepCondition[];
  params: Record<string, unknown>;
};

/** Everything the run's SQL needs to know about a company's scenarios and rules. */
export type CompiledScenarios = {
  steps: StepRow[];
  actions: ActionRow[];
  stepConditions: SQL;
  actionConditions: SQL;
  assignment: SQL;
};

export type CompileInput = {
  versions: readonly {
    versionId: number;
    scenarioName: string;
    version: number;
    definition: ScenarioDefinition;
  }[];
  rules: readonly { id: number; name: string; scenarioId: number; conditions: unknown[] }[];
  defaultScenarioId: number | null;
};

/** Columns of dun_item / dun_pick (alias e) for step conditions. */
const ITEM_COLUMNS: ConditionColumns = {
  invoice_amount: "e.amount_minor",
  customer_overdue_total: "e.overdue_total",
  days_past_due: "e.days_past_due",
  previous_reminders: "e.reminders",
  segment: "e.segment",
  payment_method: "e.payment_method",
  currency: "e.currency",
};

/** Columns of dun_group (alias g) for action conditions: the largest invoice reaching a step today, etc. */
const GROUP_COLUMNS: ConditionColumns = {
  invoice_amount: "g.max_amount",
  customer_overdue_total: "g.overdue_total",
  days_past_due: "g.max_days",
  previous_reminders: "g.max_reminders",
  segment: "g.segment",
  payment_method: "g.payment_method",
  currency: "g.currency",
};

const CUSTOMER_COLUMNS = {
  segment: "c.segment",
  country: "c.country",
  payment_terms: "c.payment_terms",
  risk_class: "c.risk_class",
  payment_method: "c.payment_method",
  is_strategic: "c.is_strategic",
  open_amount: "t.open_total",
  max_invoice_amount: "t.max_invoice",
  currency: "c.currency",
};

function actionParams(action: ScenarioAction): Record<string, unknown> {
  const { type: _type, conditions: _conditions, ...params } = action;
  return params;
}

export function compileScenarios(input: CompileInput): CompiledScenarios {
  const steps: StepRow[] = [];
  const actions: ActionRow[] = [];
  const stepPredicates: { key: SQL; predicate: SQL }[] = [];
  const actionPredicates: { key: SQL; predicate: SQL }[] = [];
  for (const version of input.versions) {
    const offsets = cumulativeOffsets(version.definition.steps);
    for (const [i, step] of version.definition.steps.entries()) {
      const base = { v: version.versionId, i, scenario: version.scenarioName };
      steps.push({
        ...base,
        key: step.key,
        name: `${stepLabel(step)} ${step.name}`,
        version: version.version,
        off: offsets[i] ?? step.offsetDays,
        rel: step.from === "previous_step" && i > 0,
        roff: step.offsetDays,
        facing: step.actions.some((a) => isCustomerFacing(a.type)),
        review: step.review,
      });
      if (step.conditions.length > 0) {
        stepPredicates.push({
          key: sql`(s.v = ${version.versionId} and s.i = ${i})`,
          predicate: allOf(step.conditions.map((c) => conditionSql(c, ITEM_COLUMNS))),
        });
      }
      for (const [a, action] of step.actions.entries()) {
        actions.push({
          ...base,
          a,
          type: action.type,
          channel: channelOf(action),
          review: step.review,
          step_key: step.key,
          step_name: `${stepLabel(step)} ${step.name}`,
          conditions: [...step.conditions, ...action.conditions].map(describeCondition),
          condition_data: [...step.conditions, ...action.conditions],
          params: actionParams(action),
        });
        if (action.conditions.length > 0) {
          actionPredicates.push({
            key: sql`(x.v = ${version.versionId} and x.i = ${i} and x.a = ${a})`,
            predicate: allOf(action.conditions.map((c) => conditionSql(c, GROUP_COLUMNS))),
          });
        }
      }
    }
  }
  return {
    steps,
    actions,
    stepConditions: caseByKey(stepPredicates),
    actionConditions: caseByKey(actionPredicates),
    assignment: assignmentSql(input),
  };
}

function ruleBranches(input: CompileInput, then: (rule: CompileInput["rules"][number]) => SQL): SQL[] {
  return input.rules.map((rule) => {
    const predicate = allOf(
      (rule.conditions as RuleCondition[]).map((c) => ruleConditionSql(c, CUSTOMER_COLUMNS)),
    );
    return sql`when ${predicate} then ${then(rule)}`;
  });
}

/** The scenario of customer `c` (with its totals `t`): override, else the first matching rule, else the default. */
export function assignmentSql(input: CompileInput): SQL {
  const fallback =
    input.defaultScenarioId === null ? sql`null::bigint` : sql`${input.defaultScenarioId}::bigint`;
  const branches = ruleBranches(input, (rule) => sql`${rule.scenarioId}::bigint`);
  const byRule =
    branches.length === 0 ? fallback : sql`(case ${sql.join(branches, sql` `)} else ${fallback} end)`;
  return sql`coalesce(c.dunning_scenario_id, ${byRule})`;
}

/** Why customer `c` has its scenario: 'override', 'rule:<id>' or 'default'. */
export function assignmentSourceSql(input: CompileInput): SQL {
  const branches = ruleBranches(input, (rule) => sql`${`rule:${rule.id}`}::text`);
  const byRule =
    branches.length === 0
      ? sql`'default'::text`
      : sql`(case ${sql.join(branches, sql` `)} else 'default' end)`;
  return sql`(case when c.dunning_scenario_id is not null then 'override' else ${byRule} end)`;
}
