import type { AppContext } from "../context";
import { selectUsers } from "./users.repo";
import type { UserList, UserListQuery } from "./users.schemas";

export async function listUsers(ctx: AppContext, query: UserListQuery): Promise<UserList> {
  return { items: await selectUsers(ctx.db, query.role) };
}
