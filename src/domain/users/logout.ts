import type { AppContext } from "../context";
import { sha256 } from "./tokens";
import { deleteSession } from "./users.repo";

export async function logout(ctx: AppContext, token: string): Promise<void> {
  await deleteSession(ctx.db, sha256(token));
}
