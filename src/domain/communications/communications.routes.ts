import { z } from "zod";
import { DomainError } from "../../shared/errors";
import { IdParam } from "../../shared/schemas";
import type { App, AppContext } from "../context";
import { actorOf, requireRoles } from "../users/users.http";
import { MANAGER_ROLES, READ_ROLES } from "../users/users.rules";
import { parseBounceReport } from "./bounce-report.rules";
import {
  BounceInput,
  BounceResult,
  CompanyQuery,
  LetterIdParams,
  LetterList,
  LetterQuery,
  Message,
  MessageList,
  MessageQuery,
  PreviewInput,
  RenderedMessage,
  SaveTemplateInput,
  SettleMessageInput,
  StatementQuery,
  TemplateDetail,
  TemplateKey,
  TemplateList,
} from "./communications.schemas";
import { getLetter } from "./get-letter";
import { getStatementPdf } from "./get-statement-pdf";
import { getTemplate } from "./get-template";
import { listLetters } from "./list-letters";
import { listMessages } from "./list-messages";
import { listTemplates } from "./list-templates";
import { previewTemplate } from "./preview-template";
import { buildPrintBatch } from "./print-batch";
import { bounceInputOf, recordBounce } from "./record-bounce";
import { saveTemplate } from "./save-template";
import { settleInterruptedMessage } from "./settle-interrupted-message";

const pdfName = (name: string) => name.replace(/["\\\r\n]/g, "_");

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

  app.post(
    "/api/messages/:id/settle",
    {
      ...manage,
      schema: {
        tags,
        params: z.object({ id: IdParam }),
        body: SettleMessageInput,
        response: { 200: Message },
      },
    },
    async (request) => settleInterruptedMessage(ctx, actorOf(request), request.params.id, request.body),
  );

  // A bounce email as it came back (message/rfc822), for a mailbox rule that forwards bounces here.
  app.addContentTypeParser(
    "message/rfc822",
    { parseAs: "string", bodyLimit: 2 * 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );
  app.post(
    "/api/messages/bounces",
    {
      ...manage,
      schema: { tags, consumes: ["application/json", "message/rfc822"], response: { 200: BounceResult } },
    },
    async (request) => {
      if (typeof request.body !== "string") {
        const input = BounceInput.safeParse(request.body ?? {});
        if (!input.success) {
          const issues = input.error.issues.map((i) => ({
            field: i.path.join(".") || "body",
            message: i.message,
          }));
          throw new DomainError("VALIDATION", `Invalid body: ${issues[0]?.field} ${issues[0]?.message}`, {
            issues,
          });
        }
        return recordBounce(ctx, input.data);
      }
      const report = parseBounceReport(request.body);
      if (!report) {
        throw new DomainError("VALIDATION", "This email is not a bounce report Encours can read", {
          issues: [
            { field: "body", message: "no failed recipient, no X-Encours-Outbox-Id nor original Message-ID" },
          ],
        });
      }
      return recordBounce(ctx, bounceInputOf(report));
    },
  );

  app.get(
    "/api/letters",
    { ...manage, schema: { tags, querystring: LetterQuery, response: { 200: LetterList } } },
    async (request) => listLetters(ctx, request.query),
  );

  app.get(
    "/api/letters/batch.pdf",
    {
      ...manage,
      schema: { tags, querystring: LetterQuery.extend({ duplex: z.enum(["true", "false"]).optional() }) },
    },
    async (request, reply) => {
      const { duplex, ...query } = request.query;
      const batch = await buildPrintBatch(ctx, { ...query, duplex: duplex === "true" });
      if (!batch.pdf) {
        throw new DomainError("NOT_FOUND", `No letter to print on ${query.date}`);
      }
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="letters-${query.date}.pdf"`)
        .header("x-letters", String(batch.letters))
        .header("x-pages", String(batch.pages))
        .send(batch.pdf);
    },
  );

  app.get(
    "/api/letters/:id/pdf",
    { ...read, schema: { tags, params: LetterIdParams } },
    async (request, reply) => {
      const letter = await getLetter(ctx, actorOf(request), request.params.id);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${pdfName(letter.fileName)}"`)
        .send(letter.content);
    },
  );

  app.get(
    "/api/customers/:id/statement.pdf",
    { ...read, schema: { tags, params: z.object({ id: IdParam }), querystring: StatementQuery } },
    async (request, reply) => {
      const statement = await getStatementPdf(
        ctx,
        actorOf(request),
        request.params.id,
        request.query.language,
      );
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${pdfName(statement.fileName)}"`)
        .send(statement.pdf);
    },
  );
}
