/** Rows of the tables the demo writes, in the shape `unnest` takes them: one array per column. */

/** A table's rows as one array per column (what `unnest` takes). */
export type Columns<Row> = { [K in keyof Row]: Row[K][] };

export type CustomerRow = {
  id: number;
  companyId: number;
  externalRef: string;
  name: string;
  segment: string;
  language: string;
  country: string;
  email: string;
  phone: string;
  addressLine1: string;
  addressLine2: string | null;
  postalCode: string;
  city: string;
  paymentTerms: string;
  creditLimitMinor: number | null;
  riskClass: string;
  isStrategic: boolean;
  collectorId: number;
  salesRepId: number;
  legalId: string | null;
  vatId: string | null;
};
export type ContactRow = {
  customerId: number;
  name: string;
  role: string;
  email: string;
  phone: string;
  language: string;
  preferredChannel: string;
  isPrimary: boolean;
};
export type InvoiceRow = {
  id: number;
  companyId: number;
  customerId: number;
  number: string;
  type: string;
  issueDate: string;
  dueDate: string;
  amountMinor: number;
  openAmountMinor: number;
  status: string;
  poNumber: string | null;
  customFields: string;
};
export type PaymentRow = {
  id: number;
  companyId: number;
  customerId: number;
  externalRef: string;
  paymentDate: string;
  amountMinor: number;
  unappliedMinor: number;
  reference: string;
  method: string;
};
export type AllocationRow = {
  paymentId: number;
  invoiceId: number;
  amountMinor: number;
  allocationDate: string;
};
export type ImportActivityRow = {
  companyId: number;
  customerId: number;
  invoices: number;
  creditNotes: number;
  payments: number;
};

export type PaymentActivityRow = {
  companyId: number;
  customerId: number;
  paymentId: number;
  paymentDate: string;
  /** Decimal string in major units, e.g. "1234.50". */
  amount: string;
  reference: string;
  method: string;
  /** The numbers of the items the payment settled, comma-separated. */
  invoiceNumbers: string;
};
