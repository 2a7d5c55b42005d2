import { type SQL, sql } from "drizzle-orm";
import { customer } from "../../db/schema";
import type { PortfolioScope } from "../users/users.rules";

/** The portfolio rule as a SQL condition on the `customer` table. */
export function customerScopeCondition(scope: PortfolioScope): SQL {
  switch (scope.kind) {
    case "all":
      return sql`true`;
    case "collector":
      return sql`${customer.collectorId} = ${scope.userId}`;
    case "sales":
      return sql`${customer.salesRepId} = ${scope.userId}`;
  }
}

/** "Today" in the company's own time zone, from the injected clock's instant. */
export function companyToday(now: Date): SQL {
  return sql`((${now.toISOString()}::timestamptz) at time zone company.time_zone)::date`;
}
