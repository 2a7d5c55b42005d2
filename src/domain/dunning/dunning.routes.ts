import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { IdParam, IsoDateSchema } from "../../shared/schemas";
import type { App, AppContext } from "../context";
import { customerScopeCondition } from "../customers/customers.scope";
import { actorOf, requireRoles } from "../users/users.http";
import { MANAGER_ROLES, portfolioScope, READ_ROLES } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { getCustomerDunning, holdDunning, releaseHold, setCustomerScenario } from "./customer-dunning";
import {
  ActionListQuery,
  CustomerDunning,
  EditActionInput,
  HoldInput,
  PlannedAction,
  ReviewDecision,
  RunInput,
  RunResult,
  SetScenarioInput,
} from "./dunning.schemas";
import { editAction, listActionItems, reviewActions } from "./review-actions";
import { runDunning } from "./run-dunning";

const ById = z.object({ id: IdParam });
const CalendarQuery = z.object({
  companyId: IdParam.optional(),
  customerId: IdParam.optional(),
  date: IsoDateSchema.optional(),
  days: z.coerce.number().int().min(1).max(92).default(14),
});

/** A collector's or sales rep's simulation covers their own customers only. */
function portfolioCustomers(actor: Actor, customerId?: number): SQL | null {
  const scope = portfolioScope(actor);
  const one = customerId === undefined ? sql`true` : sql`customer.id = ${customerId}`;
  if (scope.kind === "all" && customerId === undefined) return null;
  return sql`select customer.id from customer where ${customerScopeCondition(scope)} and ${one}`;
}

/** The run, its dry-run calendar, the review queue, and the dunning part of the customer page. */
export function dunningRoutes(app: App, ctx: AppContext): void {
  const manage = { onRequest: requireRoles(MANAGER_ROLES) };
  const read = { onRequest: requireRoles(READ_ROLES) };
  const tags = ["dunning"];

  app.post(
    "/api/dunning/run",
    { ...manage, schema: { tags, body: RunInput, response: { 200: RunResult } } },
    async (request) => {
      const actor = actorOf(request);
      const { customerId, ...input } = request.body;
      return runDunning(ctx, actor, {
        ...input,
        trigger: "api",
        customers: input.dryRun ? portfolioCustomers(actor, customerId) : null,
      });
    },
  );
  app.get(
    "/api/dunning/calendar",
    { ...read, schema: { tags, querystring: CalendarQuery, response: { 200: RunResult } } },
    async (request) => {
      const actor = actorOf(request);
      const { customerId, ...query } = request.query;
      return runDunning(ctx, actor, {
        ...query,
        dryRun: true,
        trigger: "simulation",
        includePlanned: true,
        customers: portfolioCustomers(actor, customerId),
      });
    },
  );
  app.get(
    "/api/dunning/actions",
    {
      ...read,
      schema: {
        tags,
        querystring: ActionListQuery,
        response: { 200: z.object({ items: z.array(PlannedAction) }) },
      },
    },
    async (request) => ({ items: await listActionItems(ctx, actorOf(request), request.query) }),
  );
  app.post(
    "/api/dunning/review",
    {
      ...manage,
      schema: {
        tags,
        body: ReviewDecision,
        response: { 200: z.object({ results: z.array(z.object({ id: z.number(), status: z.string() })) }) },
      },
    },
    async (request) => reviewActions(ctx, actorOf(request), request.body),
  );
  app.patch(
    "/api/dunning/actions/:id",
    { ...manage, schema: { tags, params: ById, body: EditActionInput, response: { 200: PlannedAction } } },
    async (request) => editAction(ctx, actorOf(request), request.params.id, request.body),
  );

  app.get(
    "/api/customers/:id/dunning",
    { ...read, schema: { tags, params: ById, response: { 200: CustomerDunning } } },
    async (request) => getCustomerDunning(ctx, actorOf(request), request.params.id),
  );
  app.put(
    "/api/customers/:id/scenario",
    { ...manage, schema: { tags, params: ById, body: SetScenarioInput, response: { 200: CustomerDunning } } },
    async (request) => setCustomerScenario(ctx, actorOf(request), request.params.id, request.body.scenarioId),
  );
  const work = { onRequest: requireRoles(["admin", "credit_manager", "collector"]) };
  app.post(
    "/api/customers/:id/holds",
    { ...work, schema: { tags, params: ById, body: HoldInput, response: { 200: CustomerDunning } } },
    async (request) => holdDunning(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/dunning/holds/:id/release",
    { ...work, schema: { tags, params: ById, response: { 200: CustomerDunning } } },
    async (request) => releaseHold(ctx, actorOf(request), request.params.id),
  );
}
