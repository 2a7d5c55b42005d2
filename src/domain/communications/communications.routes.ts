import type { App, AppContext } from "../context";
import { actorOf, requireRoles } from "../users/users.http";
import { MANAGER_ROLES, READ_ROLES } from "../users/users.rules";
import {
  CompanyQuery,
  MessageList,
  MessageQuery,
  PreviewInput,
  RenderedMessage,
  SaveTemplateInput,
  TemplateDetail,
  TemplateKey,
  TemplateList,
} from "./communications.schemas";
import { getTemplate } from "./get-template";
import { listMessages } from "./list-messages";
import { listTemplates } from "./list-templates";
import { previewTemplate } from "./preview-template";
import { saveTemplate } from "./save-template";

/** Message templates (read by all, written by credit managers and administrators) and the outbox's messages. */
export function communicationsRoutes(app: App, ctx: AppContext): void {
  const read = { onRequest: requireRoles(READ_ROLES) };
  const manage = { onRequest: requireRoles(MANAGER_ROLES) };
  const tags = ["communications"];

  app.get(
    "/api/templates",
    { ...read, schema: { tags, querystring: CompanyQuery, response: { 200: TemplateList } } },
    async (request) => listTemplates(ctx, request.query.companyId),
  );

  app.get(
    "/api/templates/:code/:language/:channel",
    {
      ...read,
      schema: { tags, params: TemplateKey, querystring: CompanyQuery, response: { 200: TemplateDetail } },
    },
    async (request) => getTemplate(ctx, request.query.companyId, request.params),
  );

  app.put(
    "/api/templates/:code/:language/:channel",
    {
      ...manage,
      schema: {
        tags,
        params: TemplateKey,
        querystring: CompanyQuery,
        body: SaveTemplateInput,
        response: { 200: TemplateDetail },
      },
    },
    async (request) =>
      saveTemplate(ctx, actorOf(request), request.query.companyId, request.params, request.body),
  );

  app.post(
    "/api/templates/preview",
    { ...manage, schema: { tags, body: PreviewInput, response: { 200: RenderedMessage } } },
    async (request) =>
      previewTemplate(ctx, actorOf(request), {
        ...request.body,
        publicUrl: `${request.protocol}://${request.host}`,
      }),
  );

  app.get(
    "/api/messages",
    { ...read, schema: { tags, querystring: MessageQuery, response: { 200: MessageList } } },
    async (request) => listMessages(ctx, actorOf(request), request.query),
  );
}
