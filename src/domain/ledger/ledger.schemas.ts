import { z } from "zod";
import { DecimalString, IdParam, PageQuery, pageOf } from "../../shared/schemas";

export const InvoiceType = z.enum(["invoice", "credit_note"]);
export const InvoiceStatus = z.enum(["open", "paid", "closed"]);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

export const InvoiceListItem = z.object({
  id: z.number().int(),
  number: z.string(),
  externalRef: z.string(),
  type: InvoiceType,
  companyId: z.number().int(),
  customer: z.object({ id: z.number().int(), name: z.string(), externalRef: z.string() }),
  issueDate: z.string(),
  dueDate: z.string(),
  amount: DecimalString,
  openAmount: DecimalString,
  currency: z.string(),
  status: InvoiceStatus,
  closedReason: z.string().nullable(),
  /** Days past due at today's date in the company's time zone; ≤ 0 means not due. */
  daysOverdue: z.number().int(),
  poNumber: z.string().nullable(),
  documentUrl: z.string().nullable(),
});
export type InvoiceListItem = z.infer<typeof InvoiceListItem>;

export const INVOICE_SORTS = [
  "dueDate",
  "issueDate",
  "number",
  "amount",
  "openAmount",
  "daysOverdue",
] as const;

export const InvoiceListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  companyId: IdParam.optional(),
  customerId: IdParam.optional(),
  /** `overdue` = open and past due; `settled` = paid or closed; `all` = everything. */
  status: z.enum(["open", "overdue", "paid", "closed", "settled", "all"]).default("open"),
  type: InvoiceType.optional(),
  sort: z.enum(INVOICE_SORTS).default("dueDate"),
  order: z.enum(["asc", "desc"]).default("asc"),
});
export type InvoiceListQuery = z.infer<typeof InvoiceListQuery>;

export const InvoicePage = pageOf(InvoiceListItem);
export type InvoicePage = z.infer<typeof InvoicePage>;
