import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyBaseLogger } from "fastify";
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../db/client";
import { communicationsRoutes } from "../domain/communications/communications.routes";
import { companiesRoutes } from "../domain/companies/companies.routes";
import type { App, AppContext, RouteSettings } from "../domain/context";
import { customersRoutes } from "../domain/customers/customers.routes";
import { dunningRoutes } from "../domain/dunning/dunning.routes";
import { scenariosRoutes } from "../domain/dunning/scenarios.routes";
import { importsRoutes } from "../domain/imports/imports.routes";
import { mappingsRoutes } from "../domain/imports/mappings.routes";
import { kpisRoutes } from "../domain/kpis/kpis.routes";
import { ledgerRoutes } from "../domain/ledger/ledger.routes";
import { legalRoutes } from "../domain/legal/legal.routes";
import { matchingRoutes } from "../domain/matching/matching.routes";
import { usersRoutes } from "../domain/users/users.routes";
import { workbenchRoutes } from "../domain/workbench/workbench.routes";
import type { Clock } from "../shared/clock";
import { installAuthHook } from "./auth-hook";
import type { Config } from "./config";
import { installErrorHandler } from "./error-handler";
import { installStaticWeb } from "./static-web";
import { validatorCompiler } from "./validation";

export type BuildAppOptions = {
  config: Config;
  db: Database;
  clock: Clock;
  /** A pino logger; absent = no request logs (tests). */
  logger?: FastifyBaseLogger;
  /** Directory of the built web app; absent = the default dist/web. */
  webRoot?: string;
  version?: string;
};

export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { config } = options;
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    trustProxy: config.trustProxy,
    bodyLimit: 50 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await app.register(fastifyCookie);
  // Imports stream their files; the limit only guards against a runaway upload.
  await app.register(fastifyMultipart, { limits: { fileSize: 2 * 1024 * 1024 * 1024, files: 50 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Encours API",
        version: options.version ?? "0.1.0",
        description: "Credit management and dunning.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "encours_session" },
          bearer: { type: "http", scheme: "bearer", description: "API token created in Encours (enc_…)" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  const ctx: AppContext = { db: options.db, clock: options.clock };
  const settings: RouteSettings = {
    sessionTtlHours: config.sessionTtlHours,
    loginMaxFailures: config.loginMaxFailures,
    loginWindowMinutes: config.loginWindowMinutes,
    forceSecureCookies: config.publicUrl?.startsWith("https:") ?? false,
  };
  installAuthHook(app, ctx, config.sessionTtlHours);

  app.get(
    "/api/health",
    {
      config: { isPublic: true },
      schema: {
        tags: ["system"],
        response: { 200: z.object({ status: z.literal("ok"), database: z.literal("ok") }) },
      },
    },
    async () => {
      await options.db.execute(sql`select 1`);
      return { status: "ok" as const, database: "ok" as const };
    },
  );
  usersRoutes(app, ctx, settings);
  companiesRoutes(app, ctx);
  customersRoutes(app, ctx);
  ledgerRoutes(app, ctx);
  importsRoutes(app, ctx);
  mappingsRoutes(app, ctx);
  scenariosRoutes(app, ctx);
  dunningRoutes(app, ctx);
  legalRoutes(app, ctx);
  workbenchRoutes(app, ctx);
  kpisRoutes(app, ctx);
  communicationsRoutes(app, ctx);
  matchingRoutes(app, ctx);
  await installStaticWeb(app, options.webRoot);
  return app;
}
