/**
 * Column names of the native CSV formats (DESIGN.md): what imports read (any other column becomes a custom
 * field) and what exports write.
 */
export const NATIVE_COLUMNS = {
  customers: [
    "external_ref",
    "name",
    "company",
    "segment",
    "language",
    "country",
    "currency",
    "email",
    "phone",
    "payment_terms",
    "credit_limit",
    "collector_email",
    "sales_rep_email",
    "strategic",
    "legal_id",
    "vat_id",
  ],
  contacts: ["customer_ref", "name", "role", "email", "phone", "language", "preferred_channel"],
  invoices: [
    "customer_ref",
    "number",
    "type",
    "issue_date",
    "due_date",
    "amount",
    "open_amount",
    "currency",
    "po_number",
    "external_ref",
  ],
  payments: ["customer_ref", "date", "amount", "currency", "reference", "invoice_number", "external_ref"],
} as const;
