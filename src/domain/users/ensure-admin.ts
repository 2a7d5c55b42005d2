import { randomBytes } from "node:crypto";
import type { AppContext } from "../context";
import { createUser } from "./create-user";
import { countUsers } from "./users.repo";
import { SYSTEM_ACTOR } from "./users.types";

export type EnsureAdminResult =
  | { created: false }
  | { created: true; email: string; password: string; generated: boolean };

/**
 * First start: a database without any user gets one administrator. Its password comes from the
 * configuration, or is generated and shown once on the console.
 */
export async function ensureAdmin(
  ctx: AppContext,
  options: { email: string; password?: string | undefined },
): Promise<EnsureAdminResult> {
  if ((await countUsers(ctx.db)) > 0) return { created: false };
  const generated = options.password === undefined;
  const password = options.password ?? randomBytes(12).toString("base64url");
  await createUser(ctx, SYSTEM_ACTOR, {
    email: options.email,
    name: "Administrator",
    role: "admin",
    language: "fr",
    password,
  });
  return { created: true, email: options.email, password, generated };
}
