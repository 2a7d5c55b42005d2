import { z } from "zod";
import { DomainError } from "../../shared/errors";
import { IdParam } from "../../shared/schemas";
import type { App, AppContext, RouteSettings } from "../context";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";
import { createUser } from "./create-user";
import { listUsers } from "./list-users";
import { login } from "./login";
import { logout } from "./logout";
import { updateMe } from "./update-me";
import { actorOf, clearSessionCookie, requireRoles, setSessionCookie } from "./users.http";
import { findUserById, toSummary } from "./users.repo";
import { ADMIN_ROLES, MANAGER_ROLES, READ_ROLES } from "./users.rules";
import {
  ApiTokenSummary,
  CreateApiTokenInput,
  CreatedApiToken,
  CreateUserInput,
  LoginInput,
  Me,
  UpdateMeInput,
  UserList,
  UserListQuery,
  UserSummary,
} from "./users.schemas";

export function usersRoutes(app: App, ctx: AppContext, settings: RouteSettings): void {
  const secure = (protocol: string) => settings.forceSecureCookies || protocol === "https";

  app.post(
    "/api/auth/login",
    { config: { isPublic: true }, schema: { tags: ["auth"], body: LoginInput, response: { 200: Me } } },
    async (request, reply) => {
      const result = await login(ctx, request.body, {
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
        ttlHours: settings.sessionTtlHours,
        maxFailures: settings.loginMaxFailures,
        windowMinutes: settings.loginWindowMinutes,
      });
      setSessionCookie(reply, result.token, {
        expiresAt: result.expiresAt,
        secure: secure(request.protocol),
      });
      return result.me;
    },
  );

  app.post("/api/auth/logout", { schema: { tags: ["auth"] } }, async (request, reply) => {
    if (request.sessionToken) await logout(ctx, request.sessionToken);
    clearSessionCookie(reply, secure(request.protocol));
    return reply.code(204).send();
  });

  app.get("/api/auth/me", { schema: { tags: ["auth"], response: { 200: Me } } }, async (request) => {
    const actor = actorOf(request);
    const user = actor.userId === null ? null : await findUserById(ctx.db, actor.userId);
    if (!user) throw new DomainError("UNAUTHENTICATED", "Sign in first");
    return { user: toSummary(user), csrfToken: request.csrfToken ?? "" };
  });

  app.patch(
    "/api/auth/me",
    { schema: { tags: ["auth"], body: UpdateMeInput, response: { 200: Me } } },
    async (request) => {
      const user = await updateMe(ctx, actorOf(request), request.body);
      return { user, csrfToken: request.csrfToken ?? "" };
    },
  );

  app.get(
    "/api/users",
    {
      onRequest: requireRoles(READ_ROLES),
      schema: { tags: ["users"], querystring: UserListQuery, response: { 200: UserList } },
    },
    async (request) => listUsers(ctx, request.query),
  );

  app.post(
    "/api/users",
    {
      onRequest: requireRoles(ADMIN_ROLES),
      schema: { tags: ["users"], body: CreateUserInput, response: { 201: UserSummary } },
    },
    async (request, reply) => reply.code(201).send(await createUser(ctx, actorOf(request), request.body)),
  );

  app.get(
    "/api/tokens",
    {
      onRequest: requireRoles(MANAGER_ROLES),
      schema: { tags: ["users"], response: { 200: z.object({ items: z.array(ApiTokenSummary) }) } },
    },
    async (request) => listApiTokens(ctx, actorOf(request)),
  );

  app.post(
    "/api/tokens",
    {
      onRequest: requireRoles(MANAGER_ROLES),
      schema: { tags: ["users"], body: CreateApiTokenInput, response: { 201: CreatedApiToken } },
    },
    async (request, reply) => reply.code(201).send(await createApiToken(ctx, actorOf(request), request.body)),
  );

  app.delete(
    "/api/tokens/:id",
    {
      onRequest: requireRoles(MANAGER_ROLES),
      schema: { tags: ["users"], params: z.object({ id: IdParam }) },
    },
    async (request, reply) => {
      await revokeApiToken(ctx, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
