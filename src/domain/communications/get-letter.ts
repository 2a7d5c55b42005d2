import { notFound } from "../../shared/errors";
import type { AppContext } from "../context";
import { assertCustomerVisible } from "../customers/get-customer";
import type { Actor } from "../users/users.types";
import { selectLetter } from "./letters.repo";

/** `GET /api/letters/:id/pdf`: one produced letter's PDF, for someone who sees its customer. */
export async function getLetter(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<{ fileName: string; content: Buffer }> {
  const letter = await selectLetter(ctx.db, id);
  if (!letter) throw notFound("Letter", id);
  await assertCustomerVisible(ctx, actor, letter.customerId);
  return { fileName: letter.fileName, content: letter.content };
}
