import { z } from "zod";
import { IdParam } from "../../shared/schemas";
import type { App, AppContext } from "../context";
import { actorOf, requireRoles } from "../users/users.http";
import { ADMIN_ROLES, READ_ROLES } from "../users/users.rules";
import { computeInterestOf } from "./compute-interest";
import { deleteReferenceRate } from "./delete-reference-rate";
import { getCustomerClaim } from "./get-customer-claim";
import { importReferenceRates } from "./import-reference-rates";
import {
  CustomerClaim,
  ImportRatesInput,
  ImportRatesResult,
  InterestInput,
  InterestResult,
  ReferenceRate,
  ReferenceRateInput,
  ReferenceRateList,
  ReferenceRateQuery,
  ReferenceRateUpdate,
} from "./legal.schemas";
import { listReferenceRates } from "./list-reference-rates";
import { saveReferenceRate } from "./save-reference-rate";
import { updateReferenceRate } from "./update-reference-rate";

const ById = z.object({ id: IdParam });

/** Late-payment interest, the reference-rate table (administrators write it) and a customer's claim. */
export function legalRoutes(app: App, ctx: AppContext): void {
  const read = { onRequest: requireRoles(READ_ROLES) };
  const admin = { onRequest: requireRoles(ADMIN_ROLES) };

  app.post(
    "/api/interest",
    { ...read, schema: { tags: ["legal"], body: InterestInput, response: { 200: InterestResult } } },
    async (request) => computeInterestOf(ctx, request.body),
  );

  app.get(
    "/api/customers/:id/claim",
    { ...read, schema: { tags: ["legal"], params: ById, response: { 200: CustomerClaim } } },
    async (request) => getCustomerClaim(ctx, actorOf(request), request.params.id),
  );

  app.get(
    "/api/reference-rates",
    {
      ...read,
      schema: { tags: ["legal"], querystring: ReferenceRateQuery, response: { 200: ReferenceRateList } },
    },
    async (request) => listReferenceRates(ctx, request.query.series),
  );

  app.post(
    "/api/reference-rates",
    {
      ...admin,
      schema: {
        tags: ["legal"],
        body: ReferenceRateInput,
        response: { 200: ReferenceRate, 201: ReferenceRate },
      },
    },
    async (request, reply) => {
      const { rate, created } = await saveReferenceRate(ctx, actorOf(request), request.body);
      return reply.code(created ? 201 : 200).send(rate);
    },
  );

  app.post(
    "/api/reference-rates/import",
    {
      ...admin,
      schema: { tags: ["legal"], body: ImportRatesInput, response: { 200: ImportRatesResult } },
    },
    async (request) => importReferenceRates(ctx, actorOf(request), request.body),
  );

  app.put(
    "/api/reference-rates/:id",
    {
      ...admin,
      schema: { tags: ["legal"], params: ById, body: ReferenceRateUpdate, response: { 200: ReferenceRate } },
    },
    async (request) => updateReferenceRate(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    "/api/reference-rates/:id",
    { ...admin, schema: { tags: ["legal"], params: ById } },
    async (request, reply) => {
      await deleteReferenceRate(ctx, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
