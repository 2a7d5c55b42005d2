import { DomainError, type FieldIssue, notFound, validationError } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { NATIVE_COLUMNS, REQUIRED_COLUMNS } from "./csv/native-records";
import type { ImportMapping, ImportMappingInput } from "./imports.schemas";
import {
  deleteMappingRow,
  findMapping,
  findMappingByName,
  insertMapping,
  updateMappingRow,
} from "./mappings.repo";

/** Every mapped name must be a native column, and every required native column must be mapped. */
function checkColumns(input: ImportMappingInput): FieldIssue[] {
  const known: readonly string[] = NATIVE_COLUMNS[input.kind];
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
  for (const required of REQUIRED_COLUMNS[input.kind]) {
    if (!input.columns[required])
      issues.push({
        field: `columns.${required}`,
        message: "is required: say which column of the file holds it",
      });
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
