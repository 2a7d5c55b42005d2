import type { AppContext } from "../context";
import { deleteSession } from "./users.repo";
import { sha256 } from "./tokens";

export async function logout(ctx: AppContext, token: string): Promise<void> {
  await deleteSession(ctx.db, sha256(token));
}
