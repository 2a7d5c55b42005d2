import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import type { InvoiceRecord } from "../imports.types";
import type { CopyIn } from "./import-session";
import type { ApplyContext, StagingSink } from "./staging";

/**
 * Invoices staged for one import, as typed columns: `line, customer_ref, external_ref, number, type,
 * issue_date, due_date, amount_minor, open_amount_minor, currency, po_number, payment_reference,
 * document_url, custom_fields`. On PostgreSQL a native CSV fills a temporary table by COPY;
 * otherwise the rows staged in `import_row` are read through the same columns.
 */
export function stagedInvoices(ctx: ApplyContext): SQL {
  if (ctx.invoicesTable) {
    return sql`(select line, customer_ref, external_ref, number, type, issue_date, due_date, amount_minor,
      open_amount_minor, currency, po_number, payment_reference, document_url,
      coalesce(custom_fields, '{}'::jsonb) as custom_fields from pg_temp.import_invoice)`;
  }
  return sql`(select r.line, r.data->>'customerRef' as customer_ref, r.data->>'externalRef' as external_ref,
    r.data->>'number' as number, (r.data->>'type')::invoice_type as type, (r.data->>'issueDate')::date as issue_date,
    (r.data->>'dueDate')::date as due_date, (r.data->>'amountMinor')::bigint as amount_minor,
    (r.data->>'openAmountMinor')::bigint as open_amount_minor, r.data->>'currency' as currency,
    r.data->>'poNumber' as po_number, r.data->>'paymentReference' as payment_reference,
    r.data->>'documentUrl' as document_url, coalesce(r.data->'customFields', '{}'::jsonb) as custom_fields
    from import_row r where r.batch_id = ${ctx.batchId} and r.entity = 'invoice')`;
}

/** A fresh temporary table on the import's own connection (see import-session.ts). */
export async function createInvoiceTable(q: Queryable): Promise<void> {
  await q.execute(sql`drop table if exists pg_temp.import_invoice`);
  await q.execute(sql`create temporary table import_invoice (line integer not null, customer_ref text,
    external_ref text, number text, type invoice_type, issue_date date, due_date date, amount_minor bigint,
    open_amount_minor bigint, currency text, po_number text, payment_reference text, document_url text,
    custom_fields jsonb)`);
}

/** Statistics for the planner: the checks and the upsert join a million rows better knowing it. */
export async function analyzeInvoiceTable(q: Queryable): Promise<void> {
  await q.execute(sql`analyze pg_temp.import_invoice`);
}

const COPY_INVOICES = `copy pg_temp.import_invoice (line, customer_ref, external_ref, number, type, issue_date,
  due_date, amount_minor, open_amount_minor, currency, po_number, custom_fields) from stdin`;

const WRITE_SIZE = 64 * 1024;
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** A value in COPY's text format: `\N` for null, backslash escapes for the four special characters. */
function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number") return String(value);
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c] ?? c) : value;
}

/** Most rows have none: null (read as `{}`) spares the server a JSON parse per row. */
function customFields(fields: Record<string, string> | undefined): string {
  if (!fields) return "\\N";
  for (const _ in fields) return field(JSON.stringify(fields));
  return "\\N";
}

function copyLine(r: InvoiceRecord): string {
  return `${r.line}\t${field(r.customerRef)}\t${field(r.externalRef)}\t${field(r.number)}\t${r.type}\t${r.issueDate}\t${r.dueDate}\t${r.amountMinor}\t${field(r.openAmountMinor)}\t${field(r.currency)}\t${field(r.poNumber)}\t${customFields(r.customFields)}\n`;
}

/** Streams checked invoices into the temporary table, about 256 KB per write. */
export function copyInvoiceSink(q: Queryable, copyIn: (statement: string) => CopyIn): StagingSink {
  const copy = copyIn(COPY_INVOICES);
  let text = "";
  return {
    async add(records) {
      for (const record of records as readonly InvoiceRecord[]) text += copyLine(record);
      if (text.length < WRITE_SIZE) return;
      const full = text;
      text = "";
      await copy.write(full);
    },
    async finish() {
      if (text.length > 0) await copy.write(text);
      text = "";
      await copy.end();
      await analyzeInvoiceTable(q);
    },
    async abort() {
      text = "";
      await copy.abort();
    },
  };
}
