import type { AppContext } from "../context";
import { sha256 } from "./tokens";
import { findLiveApiToken, findLiveSession, markApiTokenUsed, touchSession } from "./users.repo";
import type { Actor, AuthenticatedSession } from "./users.types";

/** Sliding expiry: a session seen again is extended, at most once a minute to spare writes. */
const TOUCH_INTERVAL_MS = 60_000;

export async function authenticateSession(
  ctx: AppContext,
  token: string,
  ttlHours: number,
): Promise<AuthenticatedSession | null> {
  const now = ctx.clock.now();
  const found = await findLiveSession(ctx.db, sha256(token), now);
  if (!found) return null;
  const { session, user } = found;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchSession(ctx.db, session.id, now, new Date(now.getTime() + ttlHours * 3_600_000));
  }
  const actor: Actor = {
    kind: "user",
    userId: user.id,
    role: user.role,
    name: user.name,
    language: user.language,
  };
  return { actor, csrfToken: session.csrfToken, sessionId: session.id };
}

export async function authenticateApiToken(ctx: AppContext, token: string): Promise<Actor | null> {
  const found = await findLiveApiToken(ctx.db, sha256(token));
  if (!found) return null;
  const now = ctx.clock.now();
  if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await markApiTokenUsed(ctx.db, found.token.id, now);
  }
  const { user } = found;
  return {
    kind: "api_token",
    userId: user.id,
    role: user.role,
    name: `${user.name} (${found.token.name})`,
    language: user.language,
  };
}
