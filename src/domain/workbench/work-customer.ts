import { notFound } from "../../shared/errors";
import type { AppContext } from "../context";
import { assertCustomerVisible } from "../customers/get-customer";
import type { Actor } from "../users/users.types";
import { findWorkCustomer, type WorkCustomerRow } from "./workbench.repo";

/** The customer a collector works on: NOT_FOUND outside the actor's portfolio, as everywhere else. */
export async function getWorkCustomer(
  ctx: AppContext,
  actor: Actor,
  customerId: number,
): Promise<WorkCustomerRow> {
  await assertCustomerVisible(ctx, actor, customerId);
  const row = await findWorkCustomer(ctx.db, customerId);
  if (!row) throw notFound("Customer", customerId);
  return row;
}
