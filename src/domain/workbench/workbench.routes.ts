import { z } from "zod";
import { IdParam } from "../../shared/schemas";
import type { App, AppContext } from "../context";
import { actorOf, requireRoles } from "../users/users.http";
import { READ_ROLES } from "../users/users.rules";
import { agendaRoutes } from "./agenda.routes";
import { cancelPromise } from "./cancel-promise";
import { departmentsRoutes } from "./departments.routes";
import { disputeReasonsRoutes } from "./dispute-reasons.routes";
import { listCustomerDisputes, listDisputes } from "./list-disputes";
import { listCustomerPromises } from "./list-promises";
import { logCall } from "./log-call";
import { openDispute } from "./open-dispute";
import { recordPromise } from "./record-promise";
import { transitionDispute } from "./transition-dispute";
import { WORK_ROLES } from "./workbench.rules";
import {
  CallResult,
  CancelPromiseInput,
  Dispute,
  DisputeList,
  DisputeListQuery,
  DisputePage,
  LogCallInput,
  OpenDisputeInput,
  PromiseList,
  PromiseToPay,
  RecordPromiseInput,
  TransitionDisputeInput,
} from "./workbench.schemas";

const ById = z.object({ id: IdParam });

/** Calls, promises to pay and disputes: the collector's part of the customer page and the disputes page. */
export function workbenchRoutes(app: App, ctx: AppContext): void {
  const work = { onRequest: requireRoles(WORK_ROLES) };
  const read = { onRequest: requireRoles(READ_ROLES) };
  const tags = ["workbench"];

  app.post(
    "/api/customers/:id/promises",
    { ...work, schema: { tags, params: ById, body: RecordPromiseInput, response: { 201: PromiseToPay } } },
    async (request, reply) =>
      reply.code(201).send(await recordPromise(ctx, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    "/api/customers/:id/promises",
    { ...read, schema: { tags, params: ById, response: { 200: PromiseList } } },
    async (request) => listCustomerPromises(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/promises/:id/cancel",
    { ...work, schema: { tags, params: ById, body: CancelPromiseInput, response: { 200: PromiseToPay } } },
    async (request) => cancelPromise(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/customers/:id/disputes",
    { ...work, schema: { tags, params: ById, body: OpenDisputeInput, response: { 201: DisputeList } } },
    async (request, reply) =>
      reply
        .code(201)
        .send({ items: await openDispute(ctx, actorOf(request), request.params.id, request.body) }),
  );
  app.get(
    "/api/customers/:id/disputes",
    { ...read, schema: { tags, params: ById, response: { 200: DisputeList } } },
    async (request) => listCustomerDisputes(ctx, actorOf(request), request.params.id),
  );
  app.get(
    "/api/disputes",
    { ...read, schema: { tags, querystring: DisputeListQuery, response: { 200: DisputePage } } },
    async (request) => listDisputes(ctx, actorOf(request), request.query),
  );
  app.post(
    "/api/disputes/:id/transition",
    { ...work, schema: { tags, params: ById, body: TransitionDisputeInput, response: { 200: Dispute } } },
    async (request) => transitionDispute(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/customers/:id/calls",
    { ...work, schema: { tags, params: ById, body: LogCallInput, response: { 201: CallResult } } },
    async (request, reply) =>
      reply.code(201).send(await logCall(ctx, actorOf(request), request.params.id, request.body)),
  );
  agendaRoutes(app, ctx);
  disputeReasonsRoutes(app, ctx);
  departmentsRoutes(app, ctx);
}
