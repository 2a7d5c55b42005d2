import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

export const WEB_DIST = fileURLToPath(new URL("../../dist/web", import.meta.url));

function notFound(request: FastifyRequest, reply: FastifyReply) {
  return reply.code(404).send({
    error: { code: "NOT_FOUND", message: `No route ${request.method} ${request.url.split("?")[0]}` },
  });
}

/**
 * Serves the built web app on the API's port. Files are looked up on each request (a rebuild needs
 * no restart); hashed assets are cached for a year, index.html never, and client-side routes fall
 * back to index.html. API paths never do: an unknown /api route is a JSON 404.
 */
export async function installStaticWeb(app: FastifyInstance, root = WEB_DIST): Promise<boolean> {
  if (!existsSync(`${root}/index.html`)) {
    app.setNotFoundHandler(notFound);
    app.get("/", async (_request, reply) =>
      reply
        .type("text/plain; charset=utf-8")
        .send("Encours API is running. The web app is not built: run `npm run build` (npm start does it)."),
    );
    return false;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: false,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      const immutable = filePath.includes("/assets/");
      reply.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  const sendIndex = (reply: FastifyReply) => reply.header("cache-control", "no-cache").sendFile("index.html");
  app.get("/", async (_request, reply) => sendIndex(reply));
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === "GET" && !request.url.startsWith("/api/") && !request.url.startsWith("/assets/");
    if (!isPage) return notFound(request, reply);
    return sendIndex(reply);
  });
  return true;
}
