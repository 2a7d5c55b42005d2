import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { arrayParam } from "../../db/sql-arrays";
import type { IsoDate } from "../../shared/dates";
import { notFound } from "../../shared/errors";
import type { MessageData } from "./message-variables";

/** Whom and what a message is about. */
export type MessageDataRequest = {
  companyId: number;
  customerId: number;
  actionId: number | null;
  recipient: string | null;
};

/** Everything a message or letter is rendered from, but the claim (interest), which comes from the legal module. */
export type LoadedMessageData = Omit<MessageData, "claim" | "customerUrl" | "currency" | "dispute"> & {
  companyLanguage: string;
  customerLanguage: string | null;
  contactLanguage: string | null;
  currency: string;
  isStatement: boolean;
  /** The window's side and the address's country line depend on both. */
  companyCountry: string;
  customerCountry: string | null;
  /** The From header's name and address (the company's sender identity). */
  sender: { name: string; email: string | null };
};

type CompanyRow = MessageData["company"] & {
  id: number;
  defaultLanguage: string;
  country: string;
  today: string;
  fromName: string;
};
type CustomerRow = MessageData["customer"] & {
  language: string | null;
  collectorId: number | null;
  currency: string;
  country: string | null;
};
type ContactRow = {
  customerId: number;
  address: string;
  name: string;
  email: string | null;
  language: string | null;
};
type ActionRow = { id: number; type: string; currency: string };
type InvoiceRow = MessageData["invoices"][number];

const unique = (values: readonly (number | null)[]) => [
  ...new Set(values.filter((v): v is number => v !== null)),
];
const firstAddressOf = (recipient: string | null) => (recipient ?? "").split(",")[0]?.trim() ?? "";
const groupBy = <T>(rows: readonly T[], keyOf: (row: T) => string | number) => {
  const groups = new Map<string | number, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
};

const INVOICE_COLUMNS = sql`i.number, i.issue_date::text as "issueDate", i.due_date::text as "dueDate",
  i.amount_minor as "amountMinor", i.open_amount_minor as "openAmountMinor"`;

/**
 * The data of many messages in a few set-based queries (one per table, not six per message): the
 * outbox worker loads a whole claimed batch at once. Each answer is in the order of the requests;
 * null when its company or customer no longer exists.
 */
export async function loadMessageDataMany(
  q: Queryable,
  now: Date,
  requests: readonly MessageDataRequest[],
): Promise<(LoadedMessageData | null)[]> {
  if (requests.length === 0) return [];
  const companyRows = await q.execute<CompanyRow>(sql`
    select id, name, address_line1 as "addressLine1", address_line2 as "addressLine2",
      postal_code as "postalCode", city, phone, iban, bic, legal_id as "legalId", vat_id as "vatId",
      legal_mentions as "legalMentions", sender_name as "senderName", sender_email as "senderEmail",
      default_language as "defaultLanguage", country, coalesce(sender_name, name) as "fromName",
      ((${now.toISOString()}::timestamptz) at time zone time_zone)::date::text as today
    from company where id = any(${arrayParam(unique(requests.map((r) => r.companyId)))}::bigint[])`);
  const companies = new Map(companyRows.rows.map((r) => [Number(r.id), r]));
  const customerRows = await q.execute<CustomerRow>(sql`
    select id, external_ref as "externalRef", name, address_line1 as "addressLine1",
      address_line2 as "addressLine2", postal_code as "postalCode", city, legal_id as "legalId",
      language, collector_id as "collectorId", currency, country
    from customer where id = any(${arrayParam(unique(requests.map((r) => r.customerId)))}::bigint[])`);
  const customers = new Map(customerRows.rows.map((r) => [Number(r.id), r]));
  // The contact the message is addressed to: its first address, the primary contact first.
  const wanted = requests.filter((r) => firstAddressOf(r.recipient) !== "");
  const contactRows =
    wanted.length === 0
      ? { rows: [] as ContactRow[] }
      : await q.execute<ContactRow>(sql`
    select distinct on (c.customer_id, lower(c.email)) c.customer_id as "customerId",
      lower(c.email) as address, c.name, c.email, c.language
    from contact c
    join unnest(${arrayParam(wanted.map((r) => r.customerId))}::bigint[],
      ${arrayParam(wanted.map((r) => firstAddressOf(r.recipient).toLowerCase()))}::text[]) as w(customer_id, address)
      on c.customer_id = w.customer_id and lower(c.email) = w.address
    order by c.customer_id, lower(c.email), c.is_primary desc, c.id`);
  const contacts = new Map(contactRows.rows.map((r) => [`${Number(r.customerId)}\u0000${r.address}`, r]));
  const collectorIds = unique([...customers.values()].map((c) => c.collectorId));
  const collectorRows =
    collectorIds.length === 0
      ? { rows: [] as { id: number; name: string; email: string }[] }
      : await q.execute<{ id: number; name: string; email: string }>(
          sql`select id, name, email from app_user where id = any(${arrayParam(collectorIds)}::bigint[])`,
        );
  const collectors = new Map(collectorRows.rows.map((r) => [Number(r.id), { name: r.name, email: r.email }]));
  const actionIds = unique(requests.map((r) => r.actionId));
  const actionRows =
    actionIds.length === 0
      ? { rows: [] as ActionRow[] }
      : await q.execute<ActionRow>(
          sql`select id, type, currency from dunning_action where id = any(${arrayParam(actionIds)}::bigint[])`,
        );
  const actions = new Map(actionRows.rows.map((r) => [Number(r.id), r]));
  // A reminder lists the invoices of its action; a statement (or a message without action), every
  // open invoice of the account in its currency.
  const reminderIds = [...actions.values()].filter((a) => a.type !== "statement").map((a) => Number(a.id));
  const actionInvoiceRows =
    reminderIds.length === 0
      ? { rows: [] as (InvoiceRow & { actionId: number })[] }
      : await q.execute<InvoiceRow & { actionId: number }>(sql`
    select a.id as "actionId", ${INVOICE_COLUMNS}
    from dunning_action a join invoice i on i.id = any(a.invoice_ids)
    where a.id = any(${arrayParam(reminderIds)}::bigint[])
    order by a.id, i.due_date, i.number`);
  const invoicesOfAction = groupBy(actionInvoiceRows.rows, (r) => Number(r.actionId));
  const accountIds = unique(
    requests.map((r) => {
      const action = r.actionId === null ? undefined : actions.get(r.actionId);
      return action && action.type !== "statement" ? null : r.customerId;
    }),
  );
  const accountRows =
    accountIds.length === 0
      ? { rows: [] as (InvoiceRow & { customerId: number; currency: string })[] }
      : await q.execute<InvoiceRow & { customerId: number; currency: string }>(sql`
    select i.customer_id as "customerId", i.currency, ${INVOICE_COLUMNS}
    from invoice i
    where i.customer_id = any(${arrayParam(accountIds)}::bigint[]) and i.open_amount_minor <> 0
    order by i.customer_id, i.due_date, i.number`);
  const invoicesOfAccount = groupBy(accountRows.rows, (r) => `${Number(r.customerId)}\u0000${r.currency}`);
  const invoice = (r: InvoiceRow): InvoiceRow => ({
    number: r.number,
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    amountMinor: r.amountMinor,
    openAmountMinor: r.openAmountMinor,
  });

  return requests.map((request) => {
    const companyRow = companies.get(request.companyId);
    const customerRow = customers.get(request.customerId);
    if (!companyRow || !customerRow) return null;
    const { id: _companyId, defaultLanguage, country, today, fromName, ...company } = companyRow;
    const {
      language: customerLanguage,
      collectorId,
      currency: customerCurrency,
      country: customerCountry,
      ...customer
    } = customerRow;
    const contact =
      contacts.get(`${request.customerId}\u0000${firstAddressOf(request.recipient).toLowerCase()}`) ?? null;
    const action = request.actionId === null ? null : (actions.get(request.actionId) ?? null);
    const isStatement = action?.type === "statement";
    const currency = action?.currency ?? customerCurrency;
    const invoices =
      action && !isStatement
        ? (invoicesOfAction.get(Number(action.id)) ?? [])
        : (invoicesOfAccount.get(`${request.customerId}\u0000${currency}`) ?? []);
    return {
      today: today as IsoDate,
      currency,
      company,
      customer: { ...customer, id: Number(customer.id) },
      contact: contact ? { name: contact.name, email: contact.email } : null,
      collector: collectorId === null ? null : (collectors.get(Number(collectorId)) ?? null),
      invoices: invoices.map(invoice),
      companyLanguage: defaultLanguage,
      customerLanguage,
      contactLanguage: contact?.language ?? null,
      isStatement,
      companyCountry: country,
      customerCountry,
      sender: { name: fromName, email: company.senderEmail },
    };
  });
}

/** One message's data (previews, the statement PDF); the worker loads a batch at once. */
export async function loadMessageData(
  q: Queryable,
  message: MessageDataRequest & { now: Date },
): Promise<LoadedMessageData> {
  const [data] = await loadMessageDataMany(q, message.now, [message]);
  if (!data) throw notFound("Customer", message.customerId);
  return data;
}
