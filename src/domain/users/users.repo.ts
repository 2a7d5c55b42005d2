import { and, asc, count, eq, gt, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { apiToken, appUser, loginFailure, userSession } from "../../db/schema";
import type { Role, UserSummary } from "./users.schemas";

export type UserRow = typeof appUser.$inferSelect;

const summaryColumns = {
  id: appUser.id,
  email: appUser.email,
  name: appUser.name,
  role: appUser.role,
  language: appUser.language,
  isActive: appUser.isActive,
};

export function toSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    language: row.language,
    isActive: row.isActive,
  };
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | null> {
  const rows = await q.select().from(appUser).where(sql`lower(${appUser.email}) = lower(${email})`);
  return rows[0] ?? null;
}

export async function findUserById(q: Queryable, id: number): Promise<UserRow | null> {
  const rows = await q.select().from(appUser).where(eq(appUser.id, id));
  return rows[0] ?? null;
}

export async function countUsers(q: Queryable, role?: Role): Promise<number> {
  const rows = await q
    .select({ n: count() })
    .from(appUser)
    .where(role ? eq(appUser.role, role) : undefined);
  return rows[0]?.n ?? 0;
}

export async function insertUser(q: Queryable, values: typeof appUser.$inferInsert): Promise<UserRow> {
  const rows = await q.insert(appUser).values(values).returning();
  return rows[0]!;
}

export async function selectUsers(q: Queryable, role?: Role): Promise<UserSummary[]> {
  return q
    .select(summaryColumns)
    .from(appUser)
    .where(role ? eq(appUser.role, role) : undefined)
    .orderBy(asc(appUser.name));
}

export async function updateUserLanguage(q: Queryable, id: number, language: string): Promise<void> {
  await q.update(appUser).set({ language, updatedAt: sql`now()` }).where(eq(appUser.id, id));
}

export async function markLoggedIn(q: Queryable, id: number, at: Date): Promise<void> {
  await q.update(appUser).set({ lastLoginAt: at }).where(eq(appUser.id, id));
}

export async function insertSession(q: Queryable, values: typeof userSession.$inferInsert): Promise<number> {
  const rows = await q.insert(userSession).values(values).returning({ id: userSession.id });
  return rows[0]!.id;
}

function liveSessionQuery(q: Queryable) {
  return q
    .select({ session: userSession, user: appUser })
    .from(userSession)
    .innerJoin(appUser, eq(appUser.id, userSession.userId))
    .where(
      and(
        eq(userSession.tokenHash, sql.placeholder("tokenHash")),
        gt(userSession.expiresAt, sql.placeholder("now")),
        eq(appUser.isActive, true),
      ),
    )
    .prepare("find_live_session");
}

/** Asked on every request: the query is built once per database handle, parsed and planned once per connection. */
const liveSessionQueries = new WeakMap<Queryable, ReturnType<typeof liveSessionQuery>>();

export async function findLiveSession(q: Queryable, tokenHash: string, now: Date) {
  let query = liveSessionQueries.get(q);
  if (!query) {
    query = liveSessionQuery(q);
    liveSessionQueries.set(q, query);
  }
  const rows = await query.execute({ tokenHash, now });
  return rows[0] ?? null;
}

export async function touchSession(q: Queryable, id: number, now: Date, expiresAt: Date): Promise<void> {
  await q.update(userSession).set({ lastSeenAt: now, expiresAt }).where(eq(userSession.id, id));
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.delete(userSession).where(eq(userSession.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(q: Queryable, now: Date): Promise<void> {
  await q.delete(userSession).where(sql`${userSession.expiresAt} <= ${now}`);
}

export async function countFailuresSince(q: Queryable, key: { email?: string; ip?: string }, since: Date) {
  const where = key.email
    ? and(eq(loginFailure.email, key.email), gt(loginFailure.at, since))
    : and(eq(loginFailure.ip, key.ip ?? ""), gt(loginFailure.at, since));
  const rows = await q
    .select({ n: count(), oldest: sql<Date>`min(${loginFailure.at})` })
    .from(loginFailure)
    .where(where);
  const row = rows[0];
  return { n: row?.n ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

export async function insertLoginFailure(q: Queryable, email: string, ip: string, at: Date): Promise<void> {
  await q.insert(loginFailure).values({ email, ip, at });
}

export async function clearLoginFailures(q: Queryable, email: string): Promise<void> {
  await q.delete(loginFailure).where(eq(loginFailure.email, email));
}

export async function insertApiToken(q: Queryable, values: typeof apiToken.$inferInsert) {
  const rows = await q.insert(apiToken).values(values).returning();
  return rows[0]!;
}

export async function findLiveApiToken(q: Queryable, tokenHash: string) {
  const rows = await q
    .select({ token: apiToken, user: appUser })
    .from(apiToken)
    .innerJoin(appUser, eq(appUser.id, apiToken.userId))
    .where(and(eq(apiToken.tokenHash, tokenHash), isNull(apiToken.revokedAt), eq(appUser.isActive, true)));
  return rows[0] ?? null;
}

export async function markApiTokenUsed(q: Queryable, id: number, at: Date): Promise<void> {
  await q.update(apiToken).set({ lastUsedAt: at }).where(eq(apiToken.id, id));
}

export async function selectApiTokens(q: Queryable, userId: number) {
  return q
    .select()
    .from(apiToken)
    .where(and(eq(apiToken.userId, userId), isNull(apiToken.revokedAt)))
    .orderBy(asc(apiToken.id));
}

export async function revokeApiTokenRow(q: Queryable, id: number, userId: number, at: Date) {
  const rows = await q
    .update(apiToken)
    .set({ revokedAt: at })
    .where(and(eq(apiToken.id, id), eq(apiToken.userId, userId), isNull(apiToken.revokedAt)))
    .returning({ id: apiToken.id });
  return rows.length > 0;
}
