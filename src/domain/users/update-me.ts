import { notFound } from "../../shared/errors";
import type { AppContext } from "../context";
import { findUserById, toSummary, updateUserLanguage } from "./users.repo";
import type { UpdateMeInput, UserSummary } from "./users.schemas";
import type { Actor } from "./users.types";

export async function updateMe(ctx: AppContext, actor: Actor, input: UpdateMeInput): Promise<UserSummary> {
  if (actor.userId === null) throw notFound("User", "system");
  await updateUserLanguage(ctx.db, actor.userId, input.language);
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw notFound("User", actor.userId);
  return toSummary(user);
}
