import type { MultipartFile } from "@fastify/multipart";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { DomainError, notFound } from "../../shared/errors";
import { IdParam } from "../../shared/schemas";
import type { App, AppContext } from "../context";
import { actorOf, requireRoles } from "../users/users.http";
import { MANAGER_ROLES } from "../users/users.rules";
import type { NativeKind } from "./csv/native-records";
import { errorsCsv } from "./errors-csv";
import { importFile } from "./import-file";
import { findBatch, selectBatches } from "./imports.repo";
import {
  ImportBatchDetail,
  ImportBatchList,
  ImportBatchListQuery,
  ImportKindSchema,
  ImportOptions,
  ImportReport,
} from "./imports.schemas";
import { parseJsonRows } from "./parse-json-rows";
import { resolveCompany } from "./resolve-company";
import { runImport } from "./run-import";

const BulkBody = z.object({
  company: z.string().optional(),
  companyId: IdParam.optional(),
  snapshot: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  rows: z.array(z.record(z.string(), z.unknown())).max(100_000, "send at most 100,000 rows per call"),
});

const NATIVE = ["customers", "contacts", "invoices", "payments"] as const;

/** Reads the multipart form: fields first (kind, companyId, snapshot, dryRun), then one or more files. */
async function importMultipart(
  ctx: AppContext,
  request: FastifyRequest,
  kindFromPath?: string,
): Promise<ImportReport[]> {
  const fields: Record<string, string> = kindFromPath ? { kind: kindFromPath } : {};
  const reports: ImportReport[] = [];
  for await (const part of request.parts()) {
    if (part.type === "field") {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    const options = ImportOptions.safeParse(fields);
    if (!options.success) {
      part.file.resume();
      throw new DomainError("VALIDATION", "Send the fields kind and companyId before the files", {
        issues: options.error.issues.map((i) => ({
          field: String(i.path[0]),
          value: fields[String(i.path[0])],
          message: i.message,
        })),
      });
    }
    reports.push(await importPart(ctx, request, part, options.data));
  }
  if (reports.length === 0)
    throw new DomainError("VALIDATION", "No file was sent", {
      issues: [{ field: "file", message: "is required" }],
    });
  return reports;
}

async function importPart(
  ctx: AppContext,
  request: FastifyRequest,
  part: MultipartFile,
  options: ImportOptions,
) {
  let buffered: Promise<Buffer> | null = null;
  return importFile(ctx, actorOf(request), {
    kind: options.kind,
    company: { id: options.companyId },
    fileName: part.filename || "upload",
    open: () => part.file,
    readAll: () => {
      buffered ??= part.toBuffer();
      return buffered;
    },
    snapshot: options.snapshot,
    dryRun: options.dryRun,
    mapping: { id: options.mappingId },
  });
}

function send(reply: FastifyReply, report: ImportReport) {
  return reply.code(report.status === "failed" ? 422 : 200).send(report);
}

export function importsRoutes(app: App, ctx: AppContext): void {
  const manage = { onRequest: requireRoles(MANAGER_ROLES) };

  app.post(
    "/api/imports",
    {
      ...manage,
      schema: {
        tags: ["imports"],
        consumes: ["multipart/form-data"],
        response: { 200: z.object({ reports: z.array(ImportReport) }) },
      },
    },
    async (request) => ({ reports: await importMultipart(ctx, request) }),
  );

  app.post(
    "/api/import/:kind",
    {
      ...manage,
      schema: {
        tags: ["imports"],
        description:
          "Bulk upsert for ERP connectors: JSON `{ company, rows: [...] }` with the native columns, or a multipart file upload.",
        params: z.object({ kind: ImportKindSchema }),
        response: { 200: ImportReport, 422: ImportReport },
      },
    },
    async (request, reply) => {
      const { kind } = request.params;
      if (request.isMultipart()) {
        const reports = await importMultipart(ctx, request, kind);
        return send(reply, reports[0] as ImportReport);
      }
      if (!(NATIVE as readonly string[]).includes(kind)) {
        throw new DomainError(
          "VALIDATION",
          `A ${kind} import takes a file upload (multipart/form-data), not JSON rows`,
        );
      }
      const body = BulkBody.safeParse(request.body);
      if (!body.success) {
        throw new DomainError("VALIDATION", "Invalid body", {
          issues: body.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })),
        });
      }
      const company = await resolveCompany(ctx, { id: body.data.companyId, code: body.data.company });
      const json = JSON.stringify(body.data.rows);
      const report = await runImport(ctx, actorOf(request), {
        kind,
        company: { id: company.id },
        fileName: `api-${kind}.json`,
        snapshot: body.data.snapshot,
        dryRun: body.data.dryRun,
        source: {
          format: "parsed",
          bytes: new TextEncoder().encode(json),
          parse: () =>
            parseJsonRows(kind as NativeKind, body.data.rows, {
              currency: company.currency,
              companyCode: company.code,
            }),
        },
      });
      return send(reply, report);
    },
  );

  app.get(
    "/api/imports",
    {
      ...manage,
      schema: { tags: ["imports"], querystring: ImportBatchListQuery, response: { 200: ImportBatchList } },
    },
    async (request) => selectBatches(ctx.db, request.query),
  );

  app.get(
    "/api/imports/:id",
    {
      ...manage,
      schema: { tags: ["imports"], params: z.object({ id: IdParam }), response: { 200: ImportBatchDetail } },
    },
    async (request) => {
      const batch = await findBatch(ctx.db, request.params.id);
      if (!batch) throw notFound("Import", request.params.id);
      return batch;
    },
  );

  app.get(
    "/api/imports/:id/errors.csv",
    { ...manage, schema: { tags: ["imports"], params: z.object({ id: IdParam }) } },
    async (request, reply) => {
      const batch = await findBatch(ctx.db, request.params.id);
      if (!batch) throw notFound("Import", request.params.id);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="import-${batch.id}-errors.csv"`)
        .send(errorsCsv(batch.errors));
    },
  );
}
