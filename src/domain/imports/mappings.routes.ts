import { z } from "zod";
import { DomainError } from "../../shared/errors";
import { IdParam } from "../../shared/schemas";
import type { App, AppContext } from "../context";
import { actorOf, requireRoles } from "../users/users.http";
import { MANAGER_ROLES } from "../users/users.rules";
import {
  ImportMapping,
  ImportMappingInput,
  ImportMappingList,
  ImportMappingListQuery,
  ImportPreview,
} from "./imports.schemas";
import { selectMappings } from "./mappings.repo";
import { previewFile } from "./preview-file";
import { deleteMapping, saveMapping } from "./save-mapping";

const ById = z.object({ id: IdParam });

export function mappingsRoutes(app: App, ctx: AppContext): void {
  const manage = { onRequest: requireRoles(MANAGER_ROLES) };

  app.get(
    "/api/import-mappings",
    {
      ...manage,
      schema: {
        tags: ["imports"],
        querystring: ImportMappingListQuery,
        response: { 200: ImportMappingList },
      },
    },
    async (request) => ({ items: await selectMappings(ctx.db, request.query) }),
  );
  app.post(
    "/api/import-mappings",
    { ...manage, schema: { tags: ["imports"], body: ImportMappingInput, response: { 201: ImportMapping } } },
    async (request, reply) => reply.code(201).send(await saveMapping(ctx, actorOf(request), request.body)),
  );
  app.put(
    "/api/import-mappings/:id",
    {
      ...manage,
      schema: { tags: ["imports"], params: ById, body: ImportMappingInput, response: { 200: ImportMapping } },
    },
    async (request) => saveMapping(ctx, actorOf(request), request.body, request.params.id),
  );
  app.delete(
    "/api/import-mappings/:id",
    { ...manage, schema: { tags: ["imports"], params: ById } },
    async (request, reply) => {
      await deleteMapping(ctx, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    "/api/imports/preview",
    {
      ...manage,
      schema: { tags: ["imports"], consumes: ["multipart/form-data"], response: { 200: ImportPreview } },
    },
    async (request) => {
      const file = await request.file();
      if (!file)
        throw new DomainError("VALIDATION", "No file was sent", {
          issues: [{ field: "file", message: "is required" }],
        });
      const preview = await previewFile(file.file, file.filename || "upload");
      file.file.resume();
      return preview;
    },
  );
}
