import type { IsoDate } from "../../shared/dates";
import type { FieldIssue } from "../../shared/errors";

/**
 * What every source (native CSV, mapped CSV/XLSX, FEC, e-invoices, the JSON API) turns its rows
 * into before anything is written. `line` is the 1-based line (or record index) of the source,
 * for error reports. Money is already in minor units, dates are ISO.
 */
export type ImportKind = "customers" | "contacts" | "invoices" | "payments" | "fec" | "einvoice" | "bank";

export type CustomerRecord = {
  line: number;
  externalRef: string;
  name: string;
  segment?: string | null;
  language?: string | null;
  country?: string | null;
  currency?: string | null;
  email?: string | null;
  phone?: string | null;
  addressLine1?: string | null;
  addressLine2?: string | null;
  postalCode?: string | null;
  city?: string | null;
  paymentTerms?: string | null;
  creditLimitMinor?: number | null;
  collectorEmail?: string | null;
  salesRepEmail?: string | null;
  isStrategic?: boolean | null;
  legalId?: string | null;
  vatId?: string | null;
  customFields?: Record<string, string>;
};

export type ContactRecord = {
  line: number;
  customerRef: string;
  externalRef?: string | null;
  name: string;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
  language?: string | null;
  preferredChannel?: "email" | "sms" | "letter" | "phone" | null;
};

export type InvoiceRecord = {
  line: number;
  customerRef: string;
  externalRef: string;
  number: string;
  type: "invoice" | "credit_note";
  issueDate: IsoDate;
  dueDate: IsoDate;
  /** Signed: credit notes are negative. */
  amountMinor: number;
  /** Signed like the amount; absent = the whole amount is open. */
  openAmountMinor?: number | null;
  currency: string;
  poNumber?: string | null;
  paymentReference?: string | null;
  documentUrl?: string | null;
  customFields?: Record<string, string>;
};

export type PaymentRecord = {
  line: number;
  customerRef: string | null;
  externalRef: string;
  date: IsoDate;
  amountMinor: number;
  currency: string;
  reference?: string | null;
  /** Invoice the payer named; the import allocates to it when it is open. */
  invoiceNumber?: string | null;
};

/** A settlement already made in the accounting (FEC lettering): payment ↔ invoice. */
export type AllocationRecord = {
  line: number;
  paymentRef: string;
  invoiceRef: string;
  amountMinor: number;
  currency: string;
  date: IsoDate;
};

/** A supplier account (FEC 401), linked to a customer when it is the same party. */
export type SupplierRecord = {
  line: number;
  externalRef: string;
  name: string;
  legalId?: string | null;
  vatId?: string | null;
};

/** An open payable to a supplier (FEC 401 unlettered lines), for the "also a supplier" view. */
export type PayableRecord = {
  line: number;
  supplierRef: string;
  externalRef: string;
  number: string;
  date: IsoDate;
  dueDate?: IsoDate | null;
  amountMinor: number;
  openAmountMinor: number;
  currency: string;
};

/** A document kept with an invoice (the e-invoice PDF or XML). */
export type AttachmentRecord = {
  invoiceRef: string;
  fileName: string;
  mediaType: string;
  content: Uint8Array;
};

/** Everything one file yields, ready to be validated against the database and applied. */
export type ParsedImport = {
  customers: CustomerRecord[];
  contacts: ContactRecord[];
  invoices: InvoiceRecord[];
  payments: PaymentRecord[];
  allocations: AllocationRecord[];
  suppliers: SupplierRecord[];
  payables: PayableRecord[];
  attachments: AttachmentRecord[];
  /** For e-invoices: the seller, checked against the company imported into. */
  seller?: { name: string | null; vatId: string | null; legalId: string | null } | null;
};

/** A row-level problem: line, column (source column name) and value, never a stack trace. */
export type ImportIssue = FieldIssue & { line: number; column: string };

export class ImportParseError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(`${issues.length} error(s) in the file`);
    this.name = "ImportParseError";
  }
}

export function emptyImport(): ParsedImport {
  return {
    customers: [],
    contacts: [],
    invoices: [],
    payments: [],
    allocations: [],
    suppliers: [],
    payables: [],
    attachments: [],
  };
}
