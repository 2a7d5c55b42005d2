import type { Readable } from "node:stream";
import { DomainError } from "../../shared/errors";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { parseEInvoice } from "./einvoice/parse-einvoice";
import { parseFec } from "./fec/parse-fec";
import { importBankFile } from "./import-bank";
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
  mapping?: { id?: number | undefined; name?: string | undefined } | undefined;
  fileHash?: string | undefined;
  onProgress?: ((rows: number) => void) | undefined;
};

/** Parsers of the formats that are not native CSV, by kind; the others stream as native CSV. */
export const PARSERS: Partial<
  Record<
    ImportKind,
    (bytes: Uint8Array, fileName: string, currency: string) => ParsedImport | Promise<ParsedImport>
  >
> = {
  einvoice: (bytes, fileName) => parseEInvoice({ bytes, fileName }),
  fec: (bytes, fileName, currency) => parseFec({ bytes, fileName, currency }),
};

export async function importFile(
  ctx: AppContext,
  actor: Actor,
  input: ImportFileInput,
): Promise<ImportReport> {
  if (input.kind === "bank") return importBankFile(ctx, actor, { ...input, match: true });
  const parser = PARSERS[input.kind];
  if (parser && input.mapping && (input.mapping.id !== undefined || input.mapping.name !== undefined)) {
    throw new DomainError(
      "VALIDATION",
      `A ${input.kind} file has a fixed layout: column mappings apply to CSV and XLSX files`,
      {
        issues: [
          {
            field: "mapping",
            value: input.mapping.name ?? input.mapping.id,
            message: "applies to customers, contacts, invoices and payments",
          },
        ],
      },
    );
  }
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
