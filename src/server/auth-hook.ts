import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../domain/context";
import { authenticateApiToken, authenticateSession } from "../domain/users/authenticate";
import { SESSION_COOKIE } from "../domain/users/users.http";
import { DomainError } from "../shared/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1])
    throw new DomainError("UNAUTHENTICATED", "The Authorization header must be 'Bearer <API token>'");
  return match[1];
}

/**
 * Every /api route needs an actor except the public ones. Machines send a bearer API token; the
 * web app sends its session cookie, and then every state-changing request must carry the
 * session's CSRF token in `X-CSRF-Token` (a cross-site form cannot set that header).
 */
export function installAuthHook(app: FastifyInstance, ctx: AppContext, sessionTtlHours: number): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("csrfToken", null);
  app.decorateRequest("sessionToken", null);
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/") || request.routeOptions.config.isPublic) return;
    // The API's own documentation describes routes, not data: readable without signing in.
    if (request.url === "/api/docs" || request.url.startsWith("/api/docs/")) return;
    // Unknown routes (no route, or the web app's catch-all) answer 404 whoever asks.
    if (!request.routeOptions.url || request.routeOptions.url === "/*") return;
    const bearer = bearerToken(request);
    if (bearer) {
      const actor = await authenticateApiToken(ctx, bearer);
      if (!actor) throw new DomainError("UNAUTHENTICATED", "Unknown or revoked API token");
      request.actor = actor;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    const session = cookie ? await authenticateSession(ctx, cookie, sessionTtlHours) : null;
    if (!session) throw new DomainError("UNAUTHENTICATED", "Sign in first (no valid session)");
    if (!SAFE_METHODS.has(request.method) && request.headers["x-csrf-token"] !== session.csrfToken) {
      throw new DomainError("FORBIDDEN", "Missing or wrong X-CSRF-Token header for this session");
    }
    request.actor = session.actor;
    request.csrfToken = session.csrfToken;
    request.sessionToken = cookie ?? null;
  });
}
