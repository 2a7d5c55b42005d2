import { z } from "zod";
import { IdParam, PageQuery } from "../../shared/schemas";
import type { App, AppContext } from "../context";
import { actorOf, requireRoles } from "../users/users.http";
import { MANAGER_ROLES } from "../users/users.rules";
import {
  AssignmentRule,
  CoveredCustomerPage,
  CreateScenarioInput,
  DunningSettings,
  ImportScenarioInput,
  SaveRuleInput,
  ScenarioDetail,
  ScenarioDocument,
  ScenarioSummary,
  UpdateScenarioInput,
} from "./dunning.schemas";
import { getDunningSettings, saveDunningSettings } from "./dunning-settings";
import { getScenarioDetail, listScenarioSummaries } from "./get-scenario";
import { listCoveredCustomers } from "./list-covered-customers";
import { createRule, listAssignmentRules, removeRule, updateAssignmentRule } from "./save-rule";
import {
  createScenario,
  exportScenario,
  getScenarioRow,
  importScenario,
  updateScenario,
} from "./save-scenario";

const ById = z.object({ id: IdParam });
const ByCompany = z.object({ companyId: IdParam });
/** Scenarios, their versions, export/import, assignment rules and the company's dunning settings. */
export function scenariosRoutes(app: App, ctx: AppContext): void {
  const manage = { onRequest: requireRoles(MANAGER_ROLES) };
  const tags = ["dunning"];

  app.get(
    "/api/scenarios",
    {
      ...manage,
      schema: {
        tags,
        querystring: ByCompany,
        response: { 200: z.object({ items: z.array(ScenarioSummary) }) },
      },
    },
    async (request) => ({ items: await listScenarioSummaries(ctx, request.query.companyId) }),
  );
  app.get(
    "/api/scenarios/:id",
    { ...manage, schema: { tags, params: ById, response: { 200: ScenarioDetail } } },
    async (request) => getScenarioDetail(ctx, await getScenarioRow(ctx, request.params.id)),
  );
  app.get(
    "/api/scenarios/:id/versions/:version",
    {
      ...manage,
      schema: { tags, params: ById.extend({ version: IdParam }), response: { 200: ScenarioDetail } },
    },
    async (request) =>
      getScenarioDetail(ctx, await getScenarioRow(ctx, request.params.id), request.params.version),
  );
  app.post(
    "/api/scenarios",
    { ...manage, schema: { tags, body: CreateScenarioInput, response: { 201: ScenarioDetail } } },
    async (request, reply) => reply.code(201).send(await createScenario(ctx, actorOf(request), request.body)),
  );
  app.put(
    "/api/scenarios/:id",
    {
      ...manage,
      schema: { tags, params: ById, body: UpdateScenarioInput, response: { 200: ScenarioDetail } },
    },
    async (request) => updateScenario(ctx, actorOf(request), request.params.id, request.body),
  );
  app.get(
    "/api/scenarios/:id/export",
    { ...manage, schema: { tags, params: ById, response: { 200: ScenarioDocument } } },
    async (request, reply) => {
      const document = await exportScenario(ctx, request.params.id);
      reply.header("content-disposition", `attachment; filename="scenario-${document.code}.json"`);
      return document;
    },
  );
  app.post(
    "/api/scenarios/import",
    { ...manage, schema: { tags, body: ImportScenarioInput, response: { 200: ScenarioDetail } } },
    async (request) => importScenario(ctx, actorOf(request), request.body),
  );
  app.get(
    "/api/scenarios/:id/customers",
    {
      ...manage,
      schema: { tags, params: ById, querystring: PageQuery, response: { 200: CoveredCustomerPage } },
    },
    async (request) => listCoveredCustomers(ctx, await getScenarioRow(ctx, request.params.id), request.query),
  );

  app.get(
    "/api/dunning-rules",
    {
      ...manage,
      schema: {
        tags,
        querystring: ByCompany,
        response: { 200: z.object({ items: z.array(AssignmentRule) }) },
      },
    },
    async (request) => ({ items: await listAssignmentRules(ctx, request.query.companyId) }),
  );
  app.post(
    "/api/dunning-rules",
    { ...manage, schema: { tags, body: SaveRuleInput, response: { 201: AssignmentRule } } },
    async (request, reply) => reply.code(201).send(await createRule(ctx, actorOf(request), request.body)),
  );
  app.put(
    "/api/dunning-rules/:id",
    { ...manage, schema: { tags, params: ById, body: SaveRuleInput, response: { 200: AssignmentRule } } },
    async (request) => updateAssignmentRule(ctx, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    "/api/dunning-rules/:id",
    { ...manage, schema: { tags, params: ById } },
    async (request, reply) => {
      await removeRule(ctx, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/companies/:id/dunning-settings",
    { ...manage, schema: { tags, params: ById, response: { 200: DunningSettings } } },
    async (request) => getDunningSettings(ctx, request.params.id),
  );
  app.put(
    "/api/companies/:id/dunning-settings",
    { ...manage, schema: { tags, params: ById, body: DunningSettings, response: { 200: DunningSettings } } },
    async (request) => saveDunningSettings(ctx, actorOf(request), request.params.id, request.body),
  );
}
