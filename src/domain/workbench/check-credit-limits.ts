import { money } from "../../shared/money";
import type { AppContext } from "../context";
import { selectNewlyOverLimit } from "./credit-alerts.repo";
import { insertAlerts } from "./workbench.repo";
import { creditLimitAlertMessage } from "./workbench.texts";

/**
 * The daily credit-limit check of one company: an alert for the collector (every credit manager when the
 * customer has none) of each customer over its limit, at most one per customer a month. The agenda shows
 * the exceeded limit itself every day, from the live figures.
 */
export async function checkCreditLimits(
  ctx: AppContext,
  company: { id: number; language: string },
): Promise<number> {
  const rows = await selectNewlyOverLimit(ctx.db, { companyId: company.id, now: ctx.clock.now() });
  await insertAlerts(
    ctx.db,
    rows.map((row) => ({
      companyId: company.id,
      customerId: row.customer_id,
      userId: row.collector_id,
      kind: "credit_limit_exceeded",
      message: creditLimitAlertMessage(
        {
          customerName: row.customer_name,
          exposure: money(row.exposure_minor, row.currency),
          limit: money(row.limit_minor, row.currency),
        },
        company.language,
      ),
    })),
  );
  return rows.length;
}
