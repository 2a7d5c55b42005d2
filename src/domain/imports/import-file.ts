import type { Readable } from "node:stream";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import type { ImportReport } from "./imports.schemas";
import type { ImportKind, ParsedImport } from "./imports.types";
import { runImport } from "./run-import";

export type ImportFileInput = {
  kind: ImportKind;
  company: { id?: number; code?: string };
  fileName: string;
  /** A fresh stream of the file's bytes (CSV kinds stream; FEC and e-invoices are read whole). */
  open: () => Readable | AsyncIterable<Uint8Array>;
  readAll: () => Promise<Uint8Array>;
  snapshot: boolean;
  dryRun: boolean;
  onProgress?: ((rows: number) => void) | undefined;
};

/** Parsers of the formats that are not native CSV, by kind. Filled in as the formats arrive. */
export const PARSERS: Partial<
  Record<ImportKind, (bytes: Uint8Array, fileName: string, currency: string) => ParsedImport>
> = {};

export async function importFile(
  ctx: AppContext,
  actor: Actor,
  input: ImportFileInput,
): Promise<ImportReport> {
  const parser = PARSERS[input.kind];
  if (!parser) {
    return runImport(ctx, actor, {
      ...input,
      source: { format: "csv", chunks: input.open() as AsyncIterable<Uint8Array> },
    });
  }
  const bytes = await input.readAll();
  return runImport(ctx, actor, {
    ...input,
    source: { format: "parsed", bytes, parse: (currency) => parser(bytes, input.fileName, currency) },
  });
}
