import type { AppContext } from "../context";
import { failAbandonedBatches } from "./imports.repo";

/**
 * At start: a batch still `running` belongs to a process that stopped mid-import (nothing was
 * applied: application is one transaction). With one process (embedded) every such batch is
 * abandoned; on a shared server, only those older than a day, since another process may be working.
 */
export async function failAbandonedImports(ctx: AppContext, singleProcess: boolean): Promise<void> {
  // The database's clock, not the injected one: created_at was written by the database.
  await failAbandonedBatches(ctx.db, singleProcess ? 0 : 24 * 3600);
}
