import { once } from "node:events";
import { createWriteStream } from "node:fs";
import path from "node:path";

/**
 * The import bench's files, written in a child process (forked by `import.bench.ts`): the memory spent
 * writing two million lines must not count in the peak resident memory of the import that is measured.
 */
export type FilesRequest = { dir: string; lines: number };
export type ImportFiles = { customersFile: string; invoicesFile: string; changedInvoicesFile: string };

async function writeLines(
  file: string,
  header: string,
  count: number,
  line: (i: number) => string,
): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${header}\n`);
  for (let i = 0; i < count; i++) {
    if (!out.write(`${line(i)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

/** Invoices spread over `lines / 10` customers, deterministic; `variant` 1 changes the amount of the first line. */
function writeInvoices(file: string, lines: number, customers: number, variant: 0 | 1): Promise<void> {
  return writeLines(
    file,
    "customer_ref;number;type;issue_date;due_date;amount;open_amount;currency;po_number;external_ref",
    lines,
    (i) => {
      const day = String((i % 28) + 1).padStart(2, "0");
      const cents = ((i * 7919) % 900_000) + 10_000 + (variant && i === 0 ? 1 : 0);
      const amount = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
      return `C${i % customers};FA-${i};invoice;2026-01-${day};2026-02-${day};${amount};${amount};EUR;PO-${i % 1000};INV-${i}`;
    },
  );
}

async function writeFiles({ dir, lines }: FilesRequest): Promise<ImportFiles> {
  const customers = Math.max(1, Math.round(lines / 10));
  const files: ImportFiles = {
    customersFile: path.join(dir, "customers.csv"),
    invoicesFile: path.join(dir, "invoices-0.csv"),
    changedInvoicesFile: path.join(dir, "invoices-1.csv"),
  };
  await writeLines(
    files.customersFile,
    "external_ref;name;segment;country",
    customers,
    (i) => `C${i};Client ${i} SAS;smes;FR`,
  );
  await writeInvoices(files.invoicesFile, lines, customers, 0);
  await writeInvoices(files.changedInvoicesFile, lines, customers, 1);
  return files;
}

process.once("message", (request) => {
  writeFiles(request as FilesRequest).then(
    (files) => process.send?.(files, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
