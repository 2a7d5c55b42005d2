import type { AppContext } from "../context";
import type { UserList, UserListQuery } from "./users.schemas";
import { selectUsers } from "./users.repo";

export async function listUsers(ctx: AppContext, query: UserListQuery): Promise<UserList> {
  return { items: await selectUsers(ctx.db, query.role) };
}
