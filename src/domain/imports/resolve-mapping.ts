import { DomainError } from "../../shared/errors";
import type { AppContext } from "../context";
import type { ColumnMapping } from "./csv/column-mapping";
import type { ImportKind } from "./imports.types";
import { findMapping, findMappingByName, selectMappings } from "./mappings.repo";

export type ResolvedMapping = ColumnMapping & { currency: string | null; accountIban: string | null };

/** The saved mapping an import asked for, checked against its company and kind; none → native columns. */
export async function resolveMapping(
  ctx: AppContext,
  companyId: number,
  input: { kind: ImportKind; mapping?: { id?: number | undefined; name?: string | undefined } | undefined },
): Promise<ResolvedMapping | null> {
  const wanted = input.mapping;
  if (!wanted || (wanted.id === undefined && wanted.name === undefined)) return null;
  const found =
    wanted.id !== undefined
      ? await findMapping(ctx.db, wanted.id)
      : await findMappingByName(ctx.db, companyId, input.kind, wanted.name ?? "");
  if (!found || found.companyId !== companyId || found.kind !== input.kind) {
    const names = (await selectMappings(ctx.db, { companyId, kind: input.kind })).map((m) => m.name);
    const value = wanted.name ?? wanted.id;
    throw new DomainError(
      "VALIDATION",
      `No ${input.kind} mapping ${JSON.stringify(value)} for this company`,
      {
        issues: [
          {
            field: "mapping",
            value,
            message: `is not a saved ${input.kind} mapping (saved: ${names.join(", ") || "none"})`,
          },
        ],
      },
    );
  }
  return {
    name: found.name,
    columns: found.columns,
    dateFormat: found.dateFormat,
    decimalSeparator: found.decimalSeparator,
    currency: found.currency,
    accountIban: found.accountIban,
  };
}
