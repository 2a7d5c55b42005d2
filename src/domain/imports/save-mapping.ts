import { DomainError, type FieldIssue, notFound, validationError } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { hasBankAmount, MAPPABLE_COLUMNS } from "./csv/mappable-columns";
import type { ImportMapping, ImportMappingInput } from "./imports.schemas";
import {
  deleteMappingRow,
  findMapping,
  findMappingByName,
  insertMapping,
  updateMappingRow,
} from "./mappings.repo";

/**
 * Every mapped name must be a column of the kind, and every required one must be mapped; a bank
 * mapping needs an amount (or debit/credit), and only a bank mapping takes a currency and an account.
 */
function checkColumns(input: ImportMappingInput): FieldIssue[] {
  const { columns: known, required } = MAPPABLE_COLUMNS[input.kind];
  const issues: FieldIssue[] = [];
  for (const native of Object.keys(input.columns)) {
    if (!known.includes(native)) {
      issues.push({
        field: `columns.${native}`,
        value: native,
        message: `is not a column of ${input.kind} (${known.join(", ")})`,
      });
    }
  }
  for (const column of required) {
    if (!input.columns[column])
      issues.push({
        field: `columns.${column}`,
        message: "is required: say which column of the file holds it",
      });
  }
  if (input.kind === "bank" && !hasBankAmount(input.columns))
    issues.push({
      field: "columns.amount",
      message: "is required: say which column holds the signed amount, or map the debit and credit columns",
    });
  if (input.kind !== "bank") {
    for (const field of ["currency", "accountIban"] as const)
      if (input[field] !== null)
        issues.push({ field, value: input[field], message: "applies to bank statement mappings only" });
  }
  return issues;
}

/** Creates a mapping, or replaces the one with this id; names are unique per company and kind. */
export async function saveMapping(
  ctx: AppContext,
  actor: Actor,
  input: ImportMappingInput,
  id?: number,
): Promise<ImportMapping> {
  const issues = checkColumns(input);
  if (issues.length > 0) throw validationError("The mapping is not valid", issues);
  return ctx.db.transaction(async (tx) => {
    const same = await findMappingByName(tx, input.companyId, input.kind, input.name);
    if (same && same.id !== id) {
      throw new DomainError(
        "CONFLICT",
        `A ${input.kind} mapping named "${input.name}" already exists for this company`,
        {
          issues: [{ field: "name", value: input.name, message: "is already used" }],
        },
      );
    }
    const saved =
      id === undefined
        ? await insertMapping(tx, input)
        : await updateMappingRow(tx, id, input, ctx.clock.now());
    if (!saved) throw notFound("Mapping", id);
    await recordAudit(tx, {
      actor,
      action: id === undefined ? "create" : "update",
      entity: "import_mapping",
      entityId: saved.id,
      after: saved,
    });
    return saved;
  });
}

export async function deleteMapping(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findMapping(tx, id);
    if (!before || !(await deleteMappingRow(tx, id))) throw notFound("Mapping", id);
    await recordAudit(tx, { actor, action: "delete", entity: "import_mapping", entityId: id, before });
  });
}
