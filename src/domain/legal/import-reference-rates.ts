import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { ensureReferenceRates } from "./ensure-reference-rates";
import type { ImportRatesResult } from "./legal.schemas";
import { upsertAdminRates } from "./reference-rates.repo";
import { parseReferenceRatesCsv } from "./reference-rates-csv";

/**
 * `encours rates import` and `POST /api/reference-rates/import`: a file in the shipped format adds
 * rates or replaces those of the same series and date. All or nothing: one bad row writes nothing
 * and the error names every line, column and value.
 */
export async function importReferenceRates(
  ctx: AppContext,
  actor: Actor,
  input: { csv: string; fileName?: string },
): Promise<ImportRatesResult> {
  const rows = parseReferenceRatesCsv(input.csv);
  await ensureReferenceRates(ctx.db);
  return ctx.db.transaction(async (tx) => {
    const { created, updated } = await upsertAdminRates(
      tx,
      rows.map(({ line: _line, ...values }) => values),
      actor.userId,
    );
    const result = { rows: rows.length, created, updated, unchanged: rows.length - created - updated };
    await recordAudit(tx, {
      actor,
      action: "import",
      entity: "reference_rate",
      entityId: null,
      after: { fileName: input.fileName ?? null, ...result },
    });
    return result;
  });
}
