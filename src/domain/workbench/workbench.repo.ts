import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { alert, task } from "../../db/schema";

/** The customer facts the workbench's use cases need, with its company's language, zone and grace days. */
export type WorkCustomerRow = {
  id: number;
  company_id: number;
  external_ref: string;
  name: string;
  collector_id: number | null;
  language: string;
  time_zone: string;
  promise_grace_days: number;
};

export async function findWorkCustomer(q: Queryable, customerId: number): Promise<WorkCustomerRow | null> {
  const result = await q.execute<WorkCustomerRow>(sql`
    select c.id, c.company_id, c.external_ref, c.name, c.collector_id, co.default_language as language,
      co.time_zone, co.promise_grace_days
    from customer c join company co on co.id = c.company_id
    where c.id = ${customerId}`);
  return result.rows[0] ?? null;
}

export type CompanyDayRow = { id: number; today: string; language: string; promise_grace_days: number };

/** Each company (or one) with its own "today" from the injected clock's instant. */
export async function selectCompanyDays(
  q: Queryable,
  now: Date,
  companyId?: number,
): Promise<CompanyDayRow[]> {
  const one = companyId === undefined ? sql`true` : sql`id = ${companyId}`;
  const result = await q.execute<CompanyDayRow>(sql`
    select id, ((${now.toISOString()}::timestamptz) at time zone time_zone)::date::text as today,
      default_language as language, promise_grace_days
    from company where ${one} order by id`);
  return result.rows;
}

export type InvoiceFactsRow = {
  id: number;
  customer_id: number;
  number: string;
  type: "invoice" | "credit_note";
  status: "open" | "paid" | "closed";
  open_amount_minor: number;
  currency: string;
  due_date: string;
  /** An open dispute or a promise still holding the invoice, when there is one. */
  active_dispute_id: number | null;
  active_promise_id: number | null;
};

/** The named invoices of one company, whatever their customer, with what already holds them. */
export async function selectInvoiceFacts(
  q: Queryable,
  options: { companyId: number; invoiceIds: readonly number[]; today: string; graceDays: number },
): Promise<InvoiceFactsRow[]> {
  const result = await q.execute<InvoiceFactsRow>(sql`
    select i.id, i.customer_id, i.number, i.type, i.status, i.open_amount_minor, i.currency, i.due_date::text,
      (select min(d.id) from dispute d
        where d.invoice_id = i.id and d.status in ('open', 'under_review')) as active_dispute_id,
      (select min(p.id) from promise_invoice pi join promise_to_pay p on p.id = pi.promise_id
        where pi.invoice_id = i.id and p.status = 'open'
          and p.promised_date + coalesce(p.grace_days, ${options.graceDays}) >= ${options.today}::date)
        as active_promise_id
    from invoice i
    where i.company_id = ${options.companyId}
      and i.id in (select jsonb_array_elements_text(${JSON.stringify(options.invoiceIds)}::jsonb)::bigint)`);
  return result.rows;
}

export async function findContactOf(
  q: Queryable,
  customerId: number,
  contactId: number,
): Promise<{ id: number; name: string; phone: string | null } | null> {
  const result = await q.execute<{ id: number; name: string; phone: string | null }>(sql`
    select id, name, phone from contact where id = ${contactId} and customer_id = ${customerId}`);
  return result.rows[0] ?? null;
}

export async function findActiveUser(
  q: Queryable,
  userId: number,
): Promise<{ id: number; name: string; email: string; language: string } | null> {
  const result = await q.execute<{ id: number; name: string; email: string; language: string }>(sql`
    select id, name, email, language from app_user where id = ${userId} and is_active`);
  return result.rows[0] ?? null;
}

export type NewTask = {
  companyId: number;
  customerId: number;
  type: string;
  title: string;
  priority: "low" | "normal" | "high";
  assigneeId: number | null;
  dueDate: string;
  invoiceIds: number[];
  createdById: number | null;
};

/** Inserts tasks in one statement; their ids come back in the order given. */
export async function insertTasks(q: Queryable, tasks: readonly NewTask[]): Promise<number[]> {
  if (tasks.length === 0) return [];
  const rows = await q
    .insert(task)
    .values([...tasks])
    .returning({ id: task.id });
  return rows.map((r) => r.id);
}

export type NewAlert = {
  companyId: number;
  customerId: number;
  /** null: every credit manager. */
  userId: number | null;
  kind: string;
  message: string;
};

export async function insertAlerts(q: Queryable, alerts: readonly NewAlert[]): Promise<void> {
  if (alerts.length === 0) return;
  await q.insert(alert).values([...alerts]);
}
