import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/helpers/db";
import type { Database, DatabaseHandle } from "../db/client";
import { appUser } from "../db/schema";
import { verifyPassword } from "../domain/users/passwords";
import { fixedClock } from "../shared/clock";
import { toArrayLiteral } from "./demo.repo";
import { isDatabaseEmpty, loadDemoData } from "./load-demo-data";

const clock = fixedClock("2026-03-31");
/** Two blocks of 100 customers (the second one partial), so that chunking is exercised. */
const CUSTOMERS = 150;

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

async function one<T>(db: Database, query: ReturnType<typeof sql>): Promise<T> {
  return (await rows<T>(db, query))[0] as T;
}

/** What must be identical between two loads with the same seed and clock (ids apart). */
async function fingerprint(db: Database): Promise<unknown[]> {
  return rows(
    db,
    sql`select c.external_ref, c.name, c.segment, i.number, i.type, i.issue_date, i.due_date, i.amount_minor,
      i.open_amount_minor, i.status from invoice i join customer c on c.id = i.customer_id order by i.company_id, i.number`,
  );
}

describe("loadDemoData", () => {
  let handle: DatabaseHandle;
  let db: Database;
  let summary: Awaited<ReturnType<typeof loadDemoData>>;

  beforeAll(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    // The server creates its administrator before loading the demo: an existing account is kept.
    await db
      .insert(appUser)
      .values({ email: "Admin@Demo.Encours.app", name: "Existing admin", role: "admin", passwordHash: "x" });
    expect(await isDatabaseEmpty(db)).toBe(true);
    summary = await loadDemoData(db, { customers: CUSTOMERS, seed: 1, clock });
  });
  afterAll(() => handle.close());

  it("writes what the summary says: 2 companies, 10 invoices per customer, one activity per customer and payment", async () => {
    const counts = await one<Record<string, number>>(
      db,
      sql`select (select count(*) from company)::int as companies, (select count(*) from customer)::int as customers,
        (select count(*) from contact)::int as contacts, (select count(*) from invoice)::int as invoices,
        (select count(*) from payment)::int as payments, (select count(*) from payment_allocation)::int as allocations,
        (select count(*) from activity where type in ('import', 'payment'))::int as activities`,
    );
    expect(counts).toEqual({
      companies: 2,
      customers: CUSTOMERS,
      contacts: summary.contacts,
      invoices: CUSTOMERS * 10,
      payments: summary.payments,
      allocations: summary.allocations,
      activities: CUSTOMERS + summary.payments,
    });
    expect(summary.payments).toBeGreaterThan(CUSTOMERS * 5);
    expect(await isDatabaseEmpty(db)).toBe(false);
  });

  it("adds the collectors' recent work through the workbench: departments, disputes, promises, calls, a task and notes", async () => {
    // Two French collectors and one German, each with six customers owing something overdue.
    expect(summary.work).toEqual({
      departments: 4,
      disputes: 6,
      pastDisputes: 10,
      promises: 6,
      calls: 6,
      notes: 3,
    });
    const disputes = await rows<{ reason: string; department: string | null }>(
      db,
      sql`select d.reason, dep.name as department
        from dispute d left join department dep on dep.id = d.owner_department_id
        where d.status in ('open', 'under_review') order by d.id`,
    );
    expect(disputes.map((d) => [d.reason, d.department])).toEqual([
      ["price", "Administration des ventes"],
      ["not_received", "Logistique"],
      ["price", "Administration des ventes"],
      ["not_received", "Logistique"],
      ["price", "Vertriebsinnendienst"],
      ["not_received", "Logistik"],
    ]);
    const promises = await rows<{ status: string; n: number }>(
      db,
      sql`select status::text, count(*)::int as n from promise_to_pay group by status order by status`,
    );
    expect(promises).toEqual([
      { status: "broken", n: 3 },
      { status: "open", n: 3 },
    ]);
    const work = await one<Record<string, number>>(
      db,
      sql`select (select count(*) from task where status = 'open' and due_date = '2026-03-31')::int as tasks_today,
        (select count(*) from note where is_pinned)::int as pinned,
        (select count(*) from outbox where payload ->> 'template' = 'internal.dispute')::int as dispute_emails,
        (select count(*) from alert where kind = 'dispute_assigned')::int as owner_alerts`,
    );
    // Each dispute emails its department; the price disputes also their sales rep, who gets an alert.
    expect(work).toMatchObject({ pinned: 3, dispute_emails: 9, owner_alerts: 3 });
    expect(work.tasks_today).toBeGreaterThanOrEqual(3);
  });

  it("gives the dispute KPIs a history: disputes of the past months on unpaid invoices, reviewed then settled", async () => {
    // Up to four per collector, while unpaid invoices old enough last: 480, 370, 260 and 150 days before 2026-03-31.
    const past = await rows<{
      opened: string;
      reviewed: string;
      settled: string;
      status: string;
      issued_before: boolean;
    }>(
      db,
      sql`select (d.created_at at time zone 'UTC')::date::text as opened,
          (select (min(a.occurred_at) at time zone 'UTC')::date::text from activity a
            where a.type = 'dispute_status_changed' and (a.data->>'disputeId')::bigint = d.id) as reviewed,
          (d.updated_at at time zone 'UTC')::date::text as settled, d.status::text as status,
          i.issue_date <= (d.created_at at time zone 'UTC')::date as issued_before
        from dispute d join invoice i on i.id = d.invoice_id
        where d.status in ('rejected', 'resolved') order by d.created_at, d.id`,
    );
    expect(past).toHaveLength(10);
    expect(new Set(past.map((d) => d.opened))).toEqual(
      new Set(["2024-12-06", "2025-03-26", "2025-07-14", "2025-11-01"]),
    );
    expect(past.every((d) => d.issued_before && d.opened < d.settled && d.settled < "2026-03-31")).toBe(true);
    expect(
      past.filter((d) => d.opened === "2024-12-06").map((d) => [d.reviewed, d.settled, d.status]),
    ).toEqual([
      ["2024-12-09", "2024-12-27", "rejected"],
      ["2024-12-09", "2024-12-27", "rejected"],
      ["2024-12-09", "2024-12-27", "rejected"],
    ]);
    expect(past.filter((d) => d.opened === "2025-03-26").every((d) => d.status === "resolved")).toBe(true);
  });

  it("keeps the ledger consistent", async () => {
    const broken = await one<Record<string, number>>(
      db,
      sql`select
        (select count(*) from invoice i left join (select invoice_id, sum(amount_minor) s from payment_allocation group by 1) a
           on a.invoice_id = i.id where i.amount_minor - coalesce(a.s, 0) <> i.open_amount_minor)::int as invoice_sums,
        (select count(*) from payment p left join (select payment_id, sum(amount_minor) s from payment_allocation group by 1) a
           on a.payment_id = p.id where a.s is null or p.amount_minor - a.s <> p.unapplied_minor)::int as payment_sums,
        (select count(*) from invoice where (open_amount_minor = 0) <> (status = 'paid'))::int as statuses,
        (select count(*) from invoice where sign(amount_minor) <> case type when 'credit_note' then -1 else 1 end
           or open_amount_minor * sign(amount_minor) < 0)::int as signs,
        (select count(*) from payment where unapplied_minor < 0 or amount_minor <= 0 or payment_date > '2026-03-31')::int as payments,
        (select count(*) from payment_allocation pa join payment p on p.id = pa.payment_id join invoice i on i.id = pa.invoice_id
           where i.customer_id <> p.customer_id or pa.allocation_date <> p.payment_date or p.payment_date < i.issue_date)::int as links,
        (select count(*) from invoice where due_date < issue_date or issue_date > '2026-03-31'
           or issue_date < '2024-09-30')::int as dates`,
    );
    expect(broken).toEqual({
      invoice_sums: 0,
      payment_sums: 0,
      statuses: 0,
      signs: 0,
      payments: 0,
      links: 0,
      dates: 0,
    });
  });

  it("leaves a realistic aged balance: recent items not due, a tail overdue, a few credit notes and some unapplied cash", async () => {
    type Aging = {
      not_due: number;
      overdue: number;
      over_90: number;
      paid: number;
      credit_notes: number;
      unapplied: number;
    };
    const aging = await one<Aging>(
      db,
      sql`select count(*) filter (where status = 'open' and due_date >= '2026-03-31')::int as not_due,
        count(*) filter (where status = 'open' and due_date < '2026-03-31')::int as overdue,
        count(*) filter (where status = 'open' and due_date < '2025-12-31')::int as over_90,
        count(*) filter (where status = 'paid')::int as paid,
        count(*) filter (where type = 'credit_note')::int as credit_notes,
        (select count(*) from payment where unapplied_minor > 0)::int as unapplied
      from invoice`,
    );
    expect(aging.not_due).toBeGreaterThan(0);
    expect(aging.overdue).toBeGreaterThan(0);
    expect(aging.over_90).toBeGreaterThan(0);
    expect(aging.paid).toBeGreaterThan(aging.not_due + aging.overdue);
    expect(aging.credit_notes).toBeGreaterThan(0);
    expect(aging.credit_notes).toBeLessThan(CUSTOMERS);
    expect(aging.unapplied).toBeGreaterThanOrEqual(0);
    const numbers = await rows<{ number: string; code: string }>(
      db,
      sql`select i.number, c.code from invoice i join company c on c.id = i.company_id where i.type = 'invoice'`,
    );
    for (const { number, code } of numbers)
      expect(number).toMatch(code === "FR" ? /^FA-\d{4}-\d{6}$/ : /^RE-\d{4}-\d{6}$/);
  });

  it("spreads customers over the four segments and both companies, each with its own collectors", async () => {
    const spread = await rows<{ segment: string; n: number }>(
      db,
      sql`select segment, count(*)::int as n from customer group by segment order by segment`,
    );
    expect(spread.map((s) => s.segment)).toEqual(
      ["individuals", "key_accounts", "public_sector", "smes"].slice(0, spread.length),
    );
    expect(spread.find((s) => s.segment === "smes")!.n).toBeGreaterThan(CUSTOMERS * 0.4);
    const staff = await rows<{ code: string; collector: string; ref: string }>(
      db,
      sql`select distinct co.code, u.email as collector, left(c.external_ref, 1) as ref
        from customer c join company co on co.id = c.company_id join app_user u on u.id = c.collector_id order by 1, 2`,
    );
    expect(staff).toEqual([
      { code: "DE", collector: "anna.schmidt@demo.encours.app", ref: "K" },
      { code: "FR", collector: "julien.petit@demo.encours.app", ref: "C" },
      { code: "FR", collector: "sophie.bernard@demo.encours.app", ref: "C" },
    ]);
  });

  it("creates the demo users with their roles and the shared password, keeping an existing admin", async () => {
    const users = await rows<{ email: string; role: string; name: string; password_hash: string }>(
      db,
      sql`select email, role, name, password_hash from app_user order by id`,
    );
    expect(users).toHaveLength(8);
    expect(users[0]).toMatchObject({
      email: "Admin@Demo.Encours.app",
      name: "Existing admin",
      password_hash: "x",
    });
    expect(users.find((u) => u.email === "claire.martin@demo.encours.app")?.role).toBe("credit_manager");
    expect(users.find((u) => u.email === "cfo@demo.encours.app")?.role).toBe("viewer");
    expect(users.filter((u) => u.role === "collector")).toHaveLength(3);
    expect(users.filter((u) => u.role === "sales")).toHaveLength(2);
    expect(await verifyPassword(users[1]!.password_hash, "encours-demo")).toBe(true);
    expect(summary.users).toBe(7);
    expect(summary.demoLogins.map((l) => l.email)).not.toContain("admin@demo.encours.app");
    expect(summary.demoLogins).toContainEqual({
      email: "cfo@demo.encours.app",
      role: "viewer",
      password: "encours-demo",
    });
  });

  it("puts each payment on the timeline at noon UTC of its date, with the numbers it settled", async () => {
    const entry = await one<{
      summary: string;
      at: string;
      date: string;
      numbers: string[];
      reference: string;
    }>(
      db,
      sql`select a.summary, to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as at,
          p.payment_date::text as date, a.data -> 'invoiceNumbers' as numbers, p.reference
        from activity a join payment p on p.id = (a.data ->> 'paymentId')::bigint
        where a.type = 'payment' order by p.id limit 1`,
    );
    expect(entry.at).toBe(`${entry.date} 12:00`);
    expect(entry.summary).toMatch(new RegExp(`^Payment \\d+\\.\\d{2} EUR received, ref ${entry.reference}$`));
    expect(entry.numbers.length).toBeGreaterThan(0);
    const imports = await one<{ n: number }>(
      db,
      sql`select count(*)::int as n from activity where type = 'import'`,
    );
    expect(imports.n).toBe(CUSTOMERS);
  });

  it("sends strings through array literals unchanged, whatever they contain", async () => {
    const values = ['a"b', "c\\d", "e,f", "{g}", "NULL", " h ", "", "Müller & Söhne", null];
    const back = await rows<{ v: string | null }>(
      db,
      sql`select unnest(${toArrayLiteral(values)}::text[]) as v`,
    );
    expect(back.map((r) => r.v)).toEqual(values);
  });

  it("refuses to load into a database that already holds data", async () => {
    await expect(loadDemoData(db, { customers: 1, clock })).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("gives the same data for the same seed and clock, and other data for another seed", async () => {
    const again = await openTestDatabase();
    const other = await openTestDatabase();
    try {
      // Chunks of one block (100 customers) written concurrently must not change the result either.
      await loadDemoData(again.db, { customers: CUSTOMERS, seed: 1, clock, chunkSize: 1, concurrency: 3 });
      await loadDemoData(other.db, { customers: CUSTOMERS, seed: 2, clock });
      const expected = await fingerprint(db);
      expect(await fingerprint(again.db)).toEqual(expected);
      expect(await fingerprint(other.db)).not.toEqual(expected);
    } finally {
      await again.close();
      await other.close();
    }
  });
});
