import { DomainError, notFound } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import { newSecret, sha256 } from "./tokens";
import { insertApiToken, revokeApiTokenRow, selectApiTokens } from "./users.repo";
import type { ApiTokenSummary, CreateApiTokenInput, CreatedApiToken } from "./users.schemas";
import type { Actor } from "./users.types";

/** Tokens start with a recognisable prefix so that secret scanners and people can spot them. */
const TOKEN_PREFIX = "enc_";

function requireUser(actor: Actor): number {
  if (actor.userId === null || actor.kind !== "user") {
    throw new DomainError("FORBIDDEN", "API tokens are managed by a signed-in user");
  }
  return actor.userId;
}

function toSummary(row: {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}): ApiTokenSummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export async function createApiToken(
  ctx: AppContext,
  actor: Actor,
  input: CreateApiTokenInput,
): Promise<CreatedApiToken> {
  const userId = requireUser(actor);
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  return ctx.db.transaction(async (tx) => {
    const row = await insertApiToken(tx, {
      userId,
      name: input.name,
      tokenHash: sha256(token),
      prefix: token.slice(0, 8),
    });
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "api_token",
      entityId: row.id,
      after: { name: row.name },
    });
    return { ...toSummary(row), token };
  });
}

export async function listApiTokens(ctx: AppContext, actor: Actor): Promise<{ items: ApiTokenSummary[] }> {
  const rows = await selectApiTokens(ctx.db, requireUser(actor));
  return { items: rows.map(toSummary) };
}

export async function revokeApiToken(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const userId = requireUser(actor);
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeApiTokenRow(tx, id, userId, ctx.clock.now()))) throw notFound("API token", id);
    await recordAudit(tx, { actor, action: "revoke", entity: "api_token", entityId: id });
  });
}
