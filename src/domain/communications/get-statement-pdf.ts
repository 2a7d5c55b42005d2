import type { LanguageCode } from "../../shared/schemas";
import type { AppContext } from "../context";
import { assertCustomerVisible } from "../customers/get-customer";
import type { Actor } from "../users/users.types";
import { type RenderedLetter, renderLetter, STATEMENT_TEMPLATE } from "./render-letter";
import { findCustomerCompany } from "./sender.repo";

/**
 * `GET /api/customers/:id/statement.pdf`: the customer's account statement as of now, every open item
 * with the claim (interest and indemnities), in the customer's language unless one is asked for.
 */
export async function getStatementPdf(
  ctx: AppContext,
  actor: Actor,
  customerId: number,
  language?: LanguageCode,
): Promise<RenderedLetter> {
  await assertCustomerVisible(ctx, actor, customerId);
  const companyId = await findCustomerCompany(ctx.db, customerId);
  return renderLetter(ctx, ctx.db, {
    companyId,
    customerId,
    actionId: null,
    templateCode: STATEMENT_TEMPLATE,
    now: ctx.clock.now(),
    ...(language ? { language } : {}),
  });
}
