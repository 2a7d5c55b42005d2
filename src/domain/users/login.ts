import { DomainError } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import { verifyPassword } from "./passwords";
import { newSecret, sha256 } from "./tokens";
import {
  clearLoginFailures,
  countFailuresSince,
  deleteExpiredSessions,
  findUserByEmail,
  insertLoginFailure,
  insertSession,
  markLoggedIn,
  toSummary,
} from "./users.repo";
import type { LoginInput, Me } from "./users.schemas";

export type LoginOptions = {
  ip: string;
  userAgent: string | null;
  ttlHours: number;
  maxFailures: number;
  windowMinutes: number;
};

export type LoginResult = { token: string; expiresAt: Date; me: Me };

/** A hash of a random password, so that an unknown email costs as much time as a wrong password. */
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$GUzf5ioWoj3bkgWIzZZiYQ$rw5b8VOLw3FPhodSSNf0DVe2jX9XTuK+Fr9lhnX/2hg";
/** Per address, a few people behind one office NAT may fail at once. */
const IP_FACTOR = 4;

async function assertNotRateLimited(ctx: AppContext, email: string, options: LoginOptions): Promise<void> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - options.windowMinutes * 60_000);
  const byEmail = await countFailuresSince(ctx.db, { email }, since);
  const byIp = await countFailuresSince(ctx.db, { ip: options.ip }, since);
  const blocked =
    byEmail.n >= options.maxFailures ? byEmail : byIp.n >= options.maxFailures * IP_FACTOR ? byIp : null;
  if (!blocked) return;
  const until = (blocked.oldest ?? now).getTime() + options.windowMinutes * 60_000;
  const retryAfterSeconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  throw new DomainError(
    "RATE_LIMITED",
    `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
    { retryAfterSeconds },
  );
}

export async function login(ctx: AppContext, input: LoginInput, options: LoginOptions): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  await assertNotRateLimited(ctx, email, options);
  const user = await findUserByEmail(ctx.db, email);
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  const now = ctx.clock.now();
  if (!user || !ok || !user.isActive) {
    await insertLoginFailure(ctx.db, email, options.ip, now);
    throw new DomainError("UNAUTHENTICATED", "Wrong email or password", { field: "password" });
  }
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + options.ttlHours * 3_600_000);
  await ctx.db.transaction(async (tx) => {
    await clearLoginFailures(tx, email);
    await deleteExpiredSessions(tx, now);
    await insertSession(tx, {
      tokenHash: sha256(token),
      userId: user.id,
      csrfToken,
      ip: options.ip,
      userAgent: options.userAgent,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    });
    await markLoggedIn(tx, user.id, now);
    const actor = {
      kind: "user" as const,
      userId: user.id,
      role: user.role,
      name: user.name,
      language: user.language,
    };
    await recordAudit(tx, {
      actor,
      action: "login",
      entity: "app_user",
      entityId: user.id,
      after: { ip: options.ip },
    });
  });
  return { token, expiresAt, me: { user: toSummary(user), csrfToken } };
}
