import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref, updatedAt } from "./columns";
import { company } from "./companies";
import { appUser } from "./users";

/** A dunning plan of a company; its steps live in immutable versions. */
export const dunningScenario = pgTable(
  "dunning_scenario",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    /** Applies to every customer that no rule and no override assigns elsewhere (one per company). */
    isDefault: boolean("is_default").notNull().default(false),
    currentVersionId: ref("current_version_id"),
    isArchived: boolean("is_archived").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("dunning_scenario_code_key").on(t.companyId, t.code),
    uniqueIndex("dunning_scenario_default_key").on(t.companyId).where(sql`${t.isDefault}`),
  ],
);

/** One saved state of a scenario's steps; never updated, so running work keeps the version it began with. */
export const dunningScenarioVersion = pgTable(
  "dunning_scenario_version",
  {
    id: id(),
    scenarioId: ref("scenario_id")
      .notNull()
      .references(() => dunningScenario.id),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
    comment: text("comment"),
    createdById: ref("created_by_id").references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("dunning_scenario_version_key").on(t.scenarioId, t.version)],
);

/** Assignment rules: the first enabled rule (by priority) whose conditions a customer meets gives its scenario. */
export const dunningRule = pgTable(
  "dunning_rule",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    name: text("name").notNull(),
    priority: integer("priority").notNull(),
    scenarioId: ref("scenario_id")
      .notNull()
      .references(() => dunningScenario.id),
    conditions: jsonb("conditions").$type<unknown[]>().notNull().default([]),
    isEnabled: boolean("is_enabled").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("dunning_rule_company_idx").on(t.companyId, t.priority)],
);
