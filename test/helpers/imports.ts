import type { AppContext } from "../../src/domain/context";
import type { ImportReport } from "../../src/domain/imports/imports.schemas";
import type { ImportKind } from "../../src/domain/imports/imports.types";
import { runImport } from "../../src/domain/imports/run-import";
import { SYSTEM_ACTOR } from "../../src/domain/users/users.types";

export async function* chunksOf(content: string | Uint8Array, size = 64): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Imports a native CSV given as text, the way the CLI does. */
export function importCsv(
  ctx: AppContext,
  kind: ImportKind,
  content: string | Uint8Array,
  options: { company?: string; snapshot?: boolean; dryRun?: boolean; fileName?: string } = {},
): Promise<ImportReport> {
  return runImport(ctx, SYSTEM_ACTOR, {
    kind,
    company: options.company ? { code: options.company } : {},
    fileName: options.fileName ?? `${kind}.csv`,
    source: { format: "csv", chunks: chunksOf(content) },
    snapshot: options.snapshot ?? false,
    dryRun: options.dryRun ?? false,
  });
}
