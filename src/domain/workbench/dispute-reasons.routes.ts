import { z } from "zod";
import { IdParam } from "../../shared/schemas";
import type { App, AppContext } from "../context";
import { actorOf, requireRoles } from "../users/users.http";
import { ADMIN_ROLES, READ_ROLES } from "../users/users.rules";
import {
  AddDisputeReasonInput,
  DisputeReasonList,
  ReorderDisputeReasonsInput,
  UpdateDisputeReasonInput,
} from "./dispute-reasons.schemas";
import {
  addDisputeReason,
  deleteDisputeReason,
  reorderDisputeReasons,
  updateDisputeReasonOf,
} from "./edit-dispute-reasons";
import { listDisputeReasons } from "./list-dispute-reasons";

const ByCompany = z.object({ id: IdParam });
const ByReason = z.object({ id: IdParam, code: z.string().min(1).max(40) });

/** A company's dispute reason catalogue: everyone reads it, the administrator edits it. */
export function disputeReasonsRoutes(app: App, ctx: AppContext): void {
  const tags = ["workbench"];
  const read = { onRequest: requireRoles(READ_ROLES) };
  const admin = { onRequest: requireRoles(ADMIN_ROLES) };
  const reply = { 200: DisputeReasonList };

  app.get(
    "/api/companies/:id/dispute-reasons",
    { ...read, schema: { tags, params: ByCompany, response: reply } },
    async (request) => listDisputeReasons(ctx, request.params.id),
  );
  app.post(
    "/api/companies/:id/dispute-reasons",
    {
      ...admin,
      schema: { tags, params: ByCompany, body: AddDisputeReasonInput, response: { 201: DisputeReasonList } },
    },
    async (request, res) =>
      res.code(201).send(
        await addDisputeReason(ctx, actorOf(request), {
          companyId: request.params.id,
          input: request.body,
        }),
      ),
  );
  // Registered before /:code so that "order" is never read as a reason's code.
  app.put(
    "/api/companies/:id/dispute-reasons/order",
    { ...admin, schema: { tags, params: ByCompany, body: ReorderDisputeReasonsInput, response: reply } },
    async (request) =>
      reorderDisputeReasons(ctx, actorOf(request), { companyId: request.params.id, input: request.body }),
  );
  app.patch(
    "/api/companies/:id/dispute-reasons/:code",
    { ...admin, schema: { tags, params: ByReason, body: UpdateDisputeReasonInput, response: reply } },
    async (request) =>
      updateDisputeReasonOf(ctx, actorOf(request), {
        companyId: request.params.id,
        code: request.params.code,
        input: request.body,
      }),
  );
  app.delete(
    "/api/companies/:id/dispute-reasons/:code",
    { ...admin, schema: { tags, params: ByReason, response: reply } },
    async (request) =>
      deleteDisputeReason(ctx, actorOf(request), { companyId: request.params.id, code: request.params.code }),
  );
}
