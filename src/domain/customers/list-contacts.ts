import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { selectContacts } from "./customers.repo";
import type { ContactList } from "./customers.schemas";
import { assertCustomerVisible } from "./get-customer";

export async function listContacts(ctx: AppContext, actor: Actor, customerId: number): Promise<ContactList> {
  await assertCustomerVisible(ctx, actor, customerId);
  const rows = await selectContacts(ctx.db, customerId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      email: r.email,
      phone: r.phone,
      language: r.language,
      preferredChannel: r.preferred_channel,
      isPrimary: r.is_primary,
    })),
  };
}
