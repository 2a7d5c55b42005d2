import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorkbenchWorld, type WorkbenchWorld } from "../../../test/golden/workbench/workbench-world";
import { openTestDatabase } from "../../../test/helpers/db";
import type { DatabaseHandle } from "../../db/client";
import type { CustomerDunning } from "../dunning/dunning.schemas";
import type { Dispute, DisputePage } from "./workbench.schemas";

/** Disputes through HTTP: opening (whole or partial amounts), the workflow, holds, lists and portfolios. */
let handle: DatabaseHandle;
let w: WorkbenchWorld;

beforeAll(async () => {
  handle = await openTestDatabase();
  w = await makeWorkbenchWorld(handle);
});
afterAll(async () => {
  await w?.app.close();
  await handle?.close();
});

const disputes = () => w.count(sql`select count(*)::int as n from dispute`);

async function open(body: unknown, session = w.sessions.sophie, customerId = w.customers.A) {
  return session.send("POST", `/api/customers/${customerId}/disputes`, body);
}

async function transition(id: number, body: unknown, session = w.sessions.sophie) {
  return session.send("POST", `/api/disputes/${id}/transition`, body);
}

describe("POST /api/customers/:id/disputes", () => {
  let opened: Dispute[];

  it("opens one dispute per invoice, partial or whole, and tells the owner", async () => {
    const response = await open({
      invoices: [{ invoiceId: w.invoices.A1, amount: "300" }, { invoiceId: w.invoices.A2 }],
      reason: "price",
      ownerId: w.users.rep,
      deadline: "2026-03-31",
      note: "Le client conteste le tarif appliqué",
    });
    expect(response.statusCode).toBe(201);
    opened = response.json().items;
    expect(opened.map((d) => [d.invoice.number, d.amount, d.currency, d.status, d.ageDays])).toEqual([
      ["A-1", "300.00", "EUR", "open", 0],
      ["A-2", "500.00", "EUR", "open", 0],
    ]);
    expect(opened[0]).toMatchObject({
      reason: "price",
      owner: { id: w.users.rep, name: "Thomas Leroy" },
      deadline: "2026-03-31",
      openedOn: "2026-03-02",
      isPastDeadline: false,
      allowedTransitions: ["under_review"],
      createdBy: { id: w.users.sophie, name: "Sophie Bernard" },
    });
    const alerts = await handle.db.execute<{ user_id: number; kind: string; message: string }>(sql`
      select user_id, kind, message from alert where kind = 'dispute_assigned'`);
    expect(alerts.rows).toEqual([
      {
        user_id: w.users.rep,
        kind: "dispute_assigned",
        message:
          "Litige qui vous est confié : A, factures A-1, A-2, motif « prix », à traiter avant le 31/03/2026.",
      },
    ]);
    const timeline = (await w.sessions.sophie.get(`/api/customers/${w.customers.A}/timeline`)).json().items;
    expect(
      timeline
        .slice(0, 2)
        .map((e: { type: string; invoice: { number: string } }) => [e.type, e.invoice.number]),
    ).toEqual([
      ["dispute_opened", "A-2"],
      ["dispute_opened", "A-1"],
    ]);
    expect(await w.count(sql`select count(*)::int as n from audit_log where entity = 'dispute'`)).toBe(2);
  });

  it("holds the disputed invoices from dunning", async () => {
    const dunning: CustomerDunning = (
      await w.sessions.sophie.get(`/api/customers/${w.customers.A}/dunning`)
    ).json();
    expect(
      dunning.holds
        .filter((h) => h.kind === "dispute")
        .map((h) => h.invoiceNumber)
        .sort(),
    ).toEqual(["A-1", "A-2"]);
  });

  it("refuses a second open dispute on the same invoice", async () => {
    const response = await open({ invoices: [{ invoiceId: w.invoices.A1 }], reason: "quality" });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("CONFLICT");
  });

  it("refuses more than the open amount, another customer's invoice, closed items, and writes nothing", async () => {
    const before = await disputes();
    const tooMuch = await open({
      invoices: [{ invoiceId: w.invoices.A3, amount: "800.01" }],
      reason: "price",
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.issues).toEqual([
      {
        field: "invoices.0.amount",
        value: "800.01",
        message: "must not exceed the open amount of the invoice, 800.00 EUR",
      },
    ]);
    const foreign = await open({
      invoices: [{ invoiceId: w.invoices.A3 }, { invoiceId: w.invoices.X1 }],
      reason: "price",
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.issues).toEqual([
      { field: "invoices", value: [w.invoices.X1], message: "not invoices of this customer" },
    ]);
    for (const invoiceId of [w.invoices.ACN, w.invoices.AP]) {
      const closed = await open({ invoices: [{ invoiceId }], reason: "other" });
      expect(closed.statusCode).toBe(400);
      expect(closed.json().error.issues[0].message).toMatch(/^not open invoices: A-/);
    }
    const bad = await open({
      invoices: [{ invoiceId: w.invoices.A3, amount: "-5" }],
      reason: "weather",
      ownerId: 999999,
      deadline: "2026-03-01",
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((i: { field: string }) => i.field)
        .sort(),
    ).toEqual(["invoices.0.amount"]);
    // The reason is checked against the company's catalogue, together with the owner and the deadline.
    const unknown = await open({
      invoices: [{ invoiceId: w.invoices.A3 }],
      reason: "weather",
      ownerId: 999999,
      deadline: "2026-03-01",
    });
    expect(
      unknown
        .json()
        .error.issues.map((i: { field: string }) => i.field)
        .sort(),
    ).toEqual(["deadline", "ownerId", "reason"]);
    const owner = await open({ invoices: [{ invoiceId: w.invoices.A3 }], reason: "price", ownerId: 999999 });
    expect(owner.json().error.issues).toEqual([
      { field: "ownerId", value: 999999, message: "is not an active user" },
    ]);
    const late = await open({
      invoices: [{ invoiceId: w.invoices.A3 }],
      reason: "price",
      deadline: "2026-03-01",
    });
    expect(late.json().error.issues[0]).toMatchObject({
      field: "deadline",
      message: "must be 2026-03-02 or later",
    });
    expect(await disputes()).toBe(before);
  });

  it("lets collectors, credit managers and admins open disputes, not sales reps or viewers", async () => {
    const body = { invoices: [{ invoiceId: w.invoices.A3 }], reason: "quantity" };
    expect((await open(body, w.sessions.rep)).statusCode).toBe(403);
    expect((await open(body, w.sessions.viewer)).statusCode).toBe(403);
    expect((await open(body, w.sessions.julien)).statusCode).toBe(404);
    const byManager = await open(
      { ...body, invoices: [{ invoiceId: w.invoices.B1 }] },
      w.sessions.manager,
      w.customers.B,
    );
    expect(byManager.statusCode).toBe(201);
    expect(byManager.json().items[0].owner).toBeNull();
  });

  describe("POST /api/disputes/:id/transition", () => {
    it("follows the workflow open → under review → resolved → closed, with a resolution note", async () => {
      const id = opened[0]?.id as number;
      const refused = await transition(id, { to: "closed" });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: "INVALID_STATE",
        message: "A dispute open cannot become closed (allowed: under_review)",
      });
      const review = await transition(id, { to: "under_review" });
      expect(review.statusCode).toBe(200);
      expect(review.json()).toMatchObject({
        status: "under_review",
        allowedTransitions: ["resolved", "rejected"],
      });
      const noNote = await transition(id, { to: "resolved" });
      expect(noNote.statusCode).toBe(400);
      expect(noNote.json().error.issues[0].field).toBe("note");
      const resolved = await transition(id, { to: "resolved", note: "Avoir AV-12 de 300,00 € accordé" });
      expect(resolved.json()).toMatchObject({
        status: "resolved",
        resolutionNote: "Avoir AV-12 de 300,00 € accordé",
        allowedTransitions: ["closed"],
        closedAt: null,
      });
      expect((await transition(id, { to: "rejected", note: "x" })).statusCode).toBe(409);
      const closed = await transition(id, { to: "closed" });
      expect(closed.json()).toMatchObject({
        status: "closed",
        allowedTransitions: [],
        closedAt: expect.any(String),
      });
      expect(closed.json().resolutionNote).toBe("Avoir AV-12 de 300,00 € accordé");
      expect((await transition(id, { to: "open" })).statusCode).toBe(409);
      const trail = await handle.db.execute<{ before: unknown; after: unknown }>(sql`
        select before, after from audit_log where entity = 'dispute' and action = 'transition'
          and entity_id = ${String(id)} order by id`);
      expect(trail.rows.map((r) => [r.before, r.after])).toEqual([
        [{ status: "open" }, { status: "under_review", note: null }],
        [{ status: "under_review" }, { status: "resolved", note: "Avoir AV-12 de 300,00 € accordé" }],
        [{ status: "resolved" }, { status: "closed", note: null }],
      ]);
    });

    it("releases the dunning hold once the dispute is neither open nor under review", async () => {
      const dunning: CustomerDunning = (
        await w.sessions.sophie.get(`/api/customers/${w.customers.A}/dunning`)
      ).json();
      expect(dunning.holds.filter((h) => h.kind === "dispute").map((h) => h.invoiceNumber)).toEqual(["A-2"]);
    });

    it("keeps other portfolios and read-only roles out", async () => {
      const id = opened[1]?.id as number;
      expect((await transition(id, { to: "under_review" }, w.sessions.julien)).statusCode).toBe(404);
      expect((await transition(id, { to: "under_review" }, w.sessions.rep)).statusCode).toBe(403);
      expect((await transition(999999, { to: "under_review" })).statusCode).toBe(404);
    });
  });
});

describe("listing disputes", () => {
  beforeAll(async () => {
    // Julien's customer X: a dispute opened ten days ago, past its deadline.
    const response = await open(
      { invoices: [{ invoiceId: w.invoices.X1 }], reason: "not_received", deadline: "2026-03-02" },
      w.sessions.julien,
      w.customers.X,
    );
    const id = response.json().items[0].id;
    await handle.db.execute(sql`
      update dispute set created_at = '2026-02-20T10:00:00Z', deadline = '2026-03-01' where id = ${id}`);
  });

  it("lists a customer's disputes, held ones first, with their age", async () => {
    const items: Dispute[] = (await w.sessions.rep.get(`/api/customers/${w.customers.A}/disputes`)).json()
      .items;
    expect(items.map((d) => [d.invoice.number, d.status, d.reason])).toEqual([
      ["A-2", "open", "price"],
      ["A-1", "closed", "price"],
    ]);
    expect((await w.sessions.julien.get(`/api/customers/${w.customers.A}/disputes`)).statusCode).toBe(404);
  });

  it("lists across customers within the portfolio, by status, owner and company, the oldest first", async () => {
    const all: DisputePage = (await w.sessions.manager.get("/api/disputes?status=active")).json();
    expect(
      all.items.map((d) => [d.customer.externalRef, d.invoice.number, d.ageDays, d.isPastDeadline]),
    ).toEqual([
      ["X", "X-1", 10, true],
      ["A", "A-2", 0, false],
      ["B", "B-1", 0, false],
    ]);
    expect(all.total).toBe(3);
    const julien: DisputePage = (await w.sessions.julien.get("/api/disputes")).json();
    expect(julien.items.map((d) => d.invoice.number)).toEqual(["X-1"]);
    const sophie: DisputePage = (await w.sessions.sophie.get("/api/disputes")).json();
    expect(sophie.items.map((d) => d.invoice.number)).toEqual(["A-2", "B-1", "A-1"]);
    const rep: DisputePage = (await w.sessions.rep.get(`/api/disputes?ownerId=${w.users.rep}`)).json();
    expect(rep.items.map((d) => [d.invoice.number, d.status])).toEqual([
      ["A-2", "open"],
      ["A-1", "closed"],
    ]);
    const closed: DisputePage = (
      await w.sessions.viewer.get(`/api/disputes?status=closed&companyId=${w.companyId}`)
    ).json();
    expect(closed.items.map((d) => d.invoice.number)).toEqual(["A-1"]);
    const none: DisputePage = (await w.sessions.manager.get("/api/disputes?companyId=999999")).json();
    expect(none).toMatchObject({ items: [], total: 0 });
    const bad = await w.sessions.manager.get("/api/disputes?status=pending");
    expect(bad.statusCode).toBe(400);
  });
});
