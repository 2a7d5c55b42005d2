import type {} from "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../shared/errors";
import { assertRole } from "./users.rules";
import type { Role } from "./users.schemas";
import type { Actor } from "./users.types";

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the server's authentication hook; null only on public routes. */
    actor: Actor | null;
    csrfToken: string | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** A route anyone may call without signing in. */
    isPublic?: boolean;
  }
}

export const SESSION_COOKIE = "encours_session";

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError("UNAUTHENTICATED", "Sign in first");
  return request.actor;
}

/** onRequest hook that lets only the given roles through. */
export function requireRoles(roles: readonly Role[]) {
  return async (request: FastifyRequest): Promise<void> => {
    assertRole(actorOf(request), roles);
  };
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  options: { expiresAt: Date; secure: boolean },
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    expires: options.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure });
}
