import { z } from "zod";
import { DecimalString, IdParam, PageQuery, pageOf, Ref } from "../../shared/schemas";

export const CUSTOMER_SORTS = ["name", "overdueAmount", "openAmount", "daysOverdue"] as const;

export const CustomerListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  companyId: IdParam.optional(),
  segment: z.string().trim().max(100).optional(),
  collectorId: IdParam.optional(),
  /** Only customers with something overdue. */
  overdueOnly: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  sort: z.enum(CUSTOMER_SORTS).default("overdueAmount"),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

export const CustomerListItem = z.object({
  id: z.number().int(),
  externalRef: z.string(),
  name: z.string(),
  company: z.object({ id: z.number().int(), code: z.string() }),
  segment: z.string().nullable(),
  country: z.string().nullable(),
  currency: z.string(),
  isStrategic: z.boolean(),
  riskClass: z.string().nullable(),
  collector: Ref.nullable(),
  salesRep: Ref.nullable(),
  /** Totals of the items in the customer's currency, net of open credit notes. */
  openAmount: DecimalString,
  overdueAmount: DecimalString,
  openCount: z.number().int(),
  /** Days past due of the oldest overdue item; 0 when nothing is overdue. */
  maxDaysOverdue: z.number().int(),
});
export type CustomerListItem = z.infer<typeof CustomerListItem>;

export const CustomerPage = pageOf(CustomerListItem);
export type CustomerPage = z.infer<typeof CustomerPage>;

export const CurrencyTotals = z.object({
  currency: z.string(),
  open: DecimalString,
  overdue: DecimalString,
  notDue: DecimalString,
  openCount: z.number().int(),
  overdueCount: z.number().int(),
  unapplied: DecimalString,
});
export type CurrencyTotals = z.infer<typeof CurrencyTotals>;

export const CustomerDetail = z.object({
  id: z.number().int(),
  externalRef: z.string(),
  name: z.string(),
  company: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  segment: z.string().nullable(),
  language: z.string().nullable(),
  country: z.string().nullable(),
  currency: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.array(z.string()),
  paymentTerms: z.string().nullable(),
  creditLimit: DecimalString.nullable(),
  riskClass: z.string().nullable(),
  isStrategic: z.boolean(),
  collector: Ref.nullable(),
  salesRep: Ref.nullable(),
  legalId: z.string().nullable(),
  vatId: z.string().nullable(),
  totals: z.array(CurrencyTotals),
});
export type CustomerDetail = z.infer<typeof CustomerDetail>;

export const Contact = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: z.string().nullable(),
  preferredChannel: z.enum(["email", "sms", "letter", "phone"]),
  isPrimary: z.boolean(),
});
export type Contact = z.infer<typeof Contact>;

export const ContactList = z.object({ items: z.array(Contact) });
export type ContactList = z.infer<typeof ContactList>;

export const CustomerInvoicesQuery = z.object({
  status: z.enum(["open", "closed", "all"]).default("open"),
});
export type CustomerInvoicesQuery = z.infer<typeof CustomerInvoicesQuery>;

export const CustomerFacets = z.object({
  segments: z.array(z.string()),
  collectors: z.array(Ref),
  companies: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
});
export type CustomerFacets = z.infer<typeof CustomerFacets>;
