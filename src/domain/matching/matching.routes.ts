import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { DomainError } from "../../shared/errors";
import { IdParam } from "../../shared/schemas";
import type { App, AppContext } from "../context";
import { importBankFile } from "../imports/import-bank";
import type { ImportReport } from "../imports/imports.schemas";
import { actorOf, requireRoles } from "../users/users.http";
import { MANAGER_ROLES } from "../users/users.rules";
import type { Role } from "../users/users.schemas";
import {
  acceptSuggestion,
  bulkAccept,
  ignoreLine,
  matchByHand,
  restoreLine,
  undoMatch,
} from "./line-actions";
import {
  AcceptBody,
  BankImportResult,
  BankLineDetail,
  BankLinePage,
  BankLineQuery,
  BulkAcceptBody,
  BulkAcceptResult,
  IgnoreBody,
  ManualMatchBody,
  MatchingSettings,
  MatchRunBody,
  MatchRunResult,
  UndoBody,
} from "./matching.schemas";
import { getMatchingSettings, saveMatchingSettings } from "./matching-settings";
import { getBankLine, listBankLines } from "./read-bank-lines";
import { runMatching } from "./run-matching";

/** Matching is the treasury's and the collectors' work; viewers read it. */
const MATCH_ROLES: readonly Role[] = ["admin", "credit_manager", "collector"];
const READ_MATCH_ROLES: readonly Role[] = ["admin", "credit_manager", "collector", "viewer"];
const tags = ["matching"];
const LineParams = z.object({ id: IdParam });

const UploadFields = z.object({
  companyId: IdParam,
  match: z.enum(["true", "false"]).default("true"),
  /** The saved bank mapping for CSV or XLSX exports, by id or by name. */
  mappingId: IdParam.optional(),
  mapping: z.string().trim().min(1).optional(),
});

/** Every file of the form is imported (each its own batch), then the company is matched once. */
async function uploadStatements(ctx: AppContext, request: FastifyRequest): Promise<BankImportResult> {
  const fields: Record<string, string> = {};
  const reports: ImportReport[] = [];
  let companyId = 0;
  for await (const part of request.parts()) {
    if (part.type === "field") {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    const parsed = UploadFields.safeParse(fields);
    if (!parsed.success) {
      part.file.resume();
      throw new DomainError("VALIDATION", "Send the field companyId before the files", {
        issues: parsed.error.issues.map((i) => ({
          field: String(i.path[0]),
          value: fields[String(i.path[0])],
          message: i.message,
        })),
      });
    }
    companyId = parsed.data.companyId;
    const bytes = await part.toBuffer();
    reports.push(
      await importBankFile(ctx, actorOf(request), {
        company: { id: companyId },
        fileName: part.filename || "statement",
        readAll: async () => bytes,
        dryRun: false,
        mapping: { id: parsed.data.mappingId, name: parsed.data.mapping },
        match: false,
      }),
    );
  }
  if (reports.length === 0) {
    throw new DomainError("VALIDATION", "No file was sent", {
      issues: [{ field: "file", message: "is required" }],
    });
  }
  const failed = reports.some((r) => r.status === "failed");
  const match = failed || fields.match === "false" ? null : await runMatching(ctx, { companyId });
  const last = reports[reports.length - 1];
  return {
    batchId: last?.batchId ?? 0,
    kind: "bank",
    format: [...new Set(reports.flatMap((r) => (r.format ? [r.format] : [])))].join(", "),
    statements: reports.reduce((n, r) => n + (r.details.statements?.created ?? 0), 0),
    rows: reports.reduce((n, r) => n + r.rows, 0),
    created: reports.reduce((n, r) => n + r.created, 0),
    unchanged: reports.reduce((n, r) => n + r.unchanged, 0),
    errors: reports.flatMap((r) =>
      r.errors.map((e) => ({
        line: e.line,
        column: e.column,
        value: e.value === undefined || e.value === null ? "" : String(e.value),
        message: reports.length > 1 ? `${r.fileName}: ${e.message}` : e.message,
      })),
    ),
    match,
  };
}

export function matchingRoutes(app: App, ctx: AppContext): void {
  app.post(
    "/api/bank-statements",
    {
      onRequest: requireRoles(MATCH_ROLES),
      schema: {
        tags,
        consumes: ["multipart/form-data"],
        description: "Upload camt.052/053/054, MT940 or CFONB 120 files (field companyId first), then match.",
        response: { 200: BankImportResult, 422: BankImportResult },
      },
    },
    async (request, reply) => {
      const result = await uploadStatements(ctx, request);
      return reply.code(result.errors.length > 0 ? 422 : 200).send(result);
    },
  );
  app.get(
    "/api/bank-lines",
    {
      onRequest: requireRoles(READ_MATCH_ROLES),
      schema: { tags, querystring: BankLineQuery, response: { 200: BankLinePage } },
    },
    async (request) => listBankLines(ctx, request.query),
  );
  app.get(
    "/api/bank-lines/:id",
    {
      onRequest: requireRoles(READ_MATCH_ROLES),
      schema: { tags, params: LineParams, response: { 200: BankLineDetail } },
    },
    async (request) => getBankLine(ctx, request.params.id),
  );
  app.post(
    "/api/bank-lines/:id/accept",
    {
      onRequest: requireRoles(MATCH_ROLES),
      schema: { tags, params: LineParams, body: AcceptBody, response: { 200: BankLineDetail } },
    },
    async (request) => acceptSuggestion(ctx, actorOf(request), request.params.id, request.body.rank),
  );
  app.post(
    "/api/bank-lines/:id/match",
    {
      onRequest: requireRoles(MATCH_ROLES),
      schema: { tags, params: LineParams, body: ManualMatchBody, response: { 200: BankLineDetail } },
    },
    async (request) => matchByHand(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/bank-lines/:id/ignore",
    {
      onRequest: requireRoles(MATCH_ROLES),
      schema: { tags, params: LineParams, body: IgnoreBody, response: { 200: BankLineDetail } },
    },
    async (request) => ignoreLine(ctx, actorOf(request), request.params.id, request.body.reason),
  );
  app.post(
    "/api/bank-lines/:id/restore",
    {
      onRequest: requireRoles(MATCH_ROLES),
      schema: { tags, params: LineParams, response: { 200: BankLineDetail } },
    },
    async (request) => restoreLine(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/bank-lines/bulk-accept",
    {
      onRequest: requireRoles(MATCH_ROLES),
      schema: { tags, body: BulkAcceptBody, response: { 200: BulkAcceptResult } },
    },
    async (request) => bulkAccept(ctx, actorOf(request), request.body),
  );
  app.post(
    "/api/matches/:id/undo",
    {
      onRequest: requireRoles(MATCH_ROLES),
      schema: { tags, params: LineParams, body: UndoBody, response: { 200: BankLineDetail } },
    },
    async (request) => undoMatch(ctx, actorOf(request), request.params.id, request.body.reason),
  );
  app.post(
    "/api/matching/run",
    {
      onRequest: requireRoles(MATCH_ROLES),
      schema: { tags, body: MatchRunBody, response: { 200: MatchRunResult } },
    },
    async (request) =>
      runMatching(ctx, { ...(request.body.companyId ? { companyId: request.body.companyId } : {}) }),
  );
  app.get(
    "/api/companies/:id/matching-settings",
    {
      onRequest: requireRoles(READ_MATCH_ROLES),
      schema: { tags, params: LineParams, response: { 200: MatchingSettings } },
    },
    async (request) => getMatchingSettings(ctx, request.params.id),
  );
  app.put(
    "/api/companies/:id/matching-settings",
    {
      onRequest: requireRoles(MANAGER_ROLES),
      schema: { tags, params: LineParams, body: MatchingSettings, response: { 200: MatchingSettings } },
    },
    async (request) => saveMatchingSettings(ctx, actorOf(request), request.params.id, request.body),
  );
}
