import { z } from "zod";
import { DecimalString, IdParam, PageQuery, pageOf, Ref } from "../../shared/schemas";

export const ACCOUNT_STATUSES = ["normal", "credit_hold", "litigation"] as const;
export const AccountStatusSchema = z.enum(ACCOUNT_STATUSES);

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
  creditLimit: DecimalString.nullable(),
  /** What the customer owes now against its limit: its open items (orders are not imported). */
  exposure: DecimalString,
  accountStatus: AccountStatusSchema,
  /** The account is on credit hold (set by a person or by a scenario's status-change action). */
  creditHold: z.boolean(),
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
  /** Under a dispute still open or under review. */
  disputed: DecimalString,
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
  accountStatus: AccountStatusSchema,
  creditHold: z.boolean(),
  /** Open items in the customer's currency, net of open credit notes (orders are not imported). */
  exposure: DecimalString,
  /** The group of companies it belongs to, with the group's limit and exposure, when it has one. */
  group: z
    .object({
      key: z.string(),
      name: z.string(),
      creditLimit: DecimalString.nullable(),
      exposure: DecimalString,
      currency: z.string(),
    })
    .nullable(),
  /** Over its own limit or its group's. */
  isOverCreditLimit: z.boolean(),
  /** Days from due date to payment, weighted by amount, over the invoices paid in the last 365 days. */
  avgPaymentDelay: z.number().nullable(),
  /** Simple DSO of this customer: open items × 90 / invoices issued in the last 90 days. */
  dso: z.number().nullable(),
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

export const CreditSettingsInput = z.object({
  /** Major units in the customer's currency; null removes the limit. */
  creditLimit: DecimalString.nullable(),
  /** The key of a group of the same company; null takes the customer out of its group. */
  groupKey: z.string().trim().min(1).max(100).nullable(),
});
export type CreditSettingsInput = z.infer<typeof CreditSettingsInput>;

export const CustomerGroup = z.object({
  key: z.string(),
  name: z.string(),
  creditLimit: DecimalString.nullable(),
  currency: z.string(),
  exposure: DecimalString,
  members: z.number().int(),
});
export type CustomerGroup = z.infer<typeof CustomerGroup>;

export const CustomerGroupList = z.object({ items: z.array(CustomerGroup) });
export type CustomerGroupList = z.infer<typeof CustomerGroupList>;

export const SaveCustomerGroupInput = z.object({
  companyId: IdParam,
  key: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  creditLimit: DecimalString.nullable(),
});
export type SaveCustomerGroupInput = z.infer<typeof SaveCustomerGroupInput>;
