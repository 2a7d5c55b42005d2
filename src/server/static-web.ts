import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

export const WEB_DIST = fileURLToPath(new URL("../../dist/web", import.meta.url));

/**
 * Serves the built web app on the API's port; client-side routes fall back to index.html, API
 * paths never do (an unknown /api route is a JSON 404).
 */
export async function installStaticWeb(app: FastifyInstance, root = WEB_DIST): Promise<boolean> {
  if (!existsSync(`${root}/index.html`)) {
    app.get("/", async (_request, reply) =>
      reply
        .type("text/plain; charset=utf-8")
        .send("Encours API is running. The web app is not built: run `npm run build` (npm start does it)."),
    );
    return false;
  }
  await app.register(fastifyStatic, { root, wildcard: false, index: ["index.html"], maxAge: "1h" });
  app.get("/*", async (request, reply) => {
    if (request.url.startsWith("/api/")) {
      return reply
        .code(404)
        .send({ error: { code: "NOT_FOUND", message: `No route GET ${request.url.split("?")[0]}` } });
    }
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
  return true;
}
