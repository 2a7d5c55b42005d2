import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorkbenchWorld, type WorkbenchWorld } from "../../../test/golden/workbench/workbench-world";
import { type Session, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeUser } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import type { DisputeReasonList } from "./dispute-reasons.schemas";
import type { Dispute } from "./workbench.schemas";

/** The dispute reason catalogue through HTTP: defaults, the administrator's edits, and disputes checked against it. */
let handle: DatabaseHandle;
let w: WorkbenchWorld;
let admin: Session;
let url: string;
let newCompanyId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  w = await makeWorkbenchWorld(handle);
  const adminUser = await makeUser(handle.db, "admin", "Alice Admin");
  admin = await signIn(w.app, adminUser.email);
  url = `/api/companies/${w.companyId}/dispute-reasons`;
});
afterAll(async () => {
  await w?.app.close();
  await handle?.close();
});

const codes = (list: DisputeReasonList) => list.items.map((r) => r.code);
const DEFAULT_CODES = [
  "price",
  "quantity",
  "quality",
  "not_received",
  "already_paid",
  "duplicate_billing",
  "missing_purchase_order",
  "other",
];

async function openDispute(reason: string, invoiceId = w.invoices.A3) {
  return w.sessions.sophie.send("POST", `/api/customers/${w.customers.A}/disputes`, {
    invoices: [{ invoiceId }],
    reason,
  });
}

describe("the dispute reason catalogue", () => {
  it("gives a company the default reasons, in order, readable by everyone", async () => {
    const response = await w.sessions.viewer.get(url);
    expect(response.statusCode).toBe(200);
    const list: DisputeReasonList = response.json();
    expect(list.companyId).toBe(w.companyId);
    expect(codes(list)).toEqual(DEFAULT_CODES);
    expect(list.items[3]).toEqual({
      code: "not_received",
      labelFr: "Marchandise ou prestation non reçue",
      labelEn: "Goods or service not received",
      isActive: true,
      position: 40,
      disputeCount: 0,
    });
    expect((await w.sessions.viewer.get("/api/companies/999999/dispute-reasons")).statusCode).toBe(404);
  });

  it("gives a company created through the API its reasons at once", async () => {
    const created = await admin.send("POST", "/api/companies", {
      code: "NEWCO",
      name: "New Co",
      country: "FR",
      currency: "EUR",
    });
    expect(created.statusCode).toBe(201);
    newCompanyId = created.json().id;
    const count = await w.count(
      sql`select count(*)::int as n from dispute_reason where company_id = ${created.json().id}`,
    );
    expect(count).toBe(DEFAULT_CODES.length);
  });

  it("lets only an administrator change it", async () => {
    const body = { code: "late_delivery", labelFr: "Livraison tardive", labelEn: "Late delivery" };
    for (const session of [w.sessions.manager, w.sessions.sophie, w.sessions.viewer]) {
      expect((await session.send("POST", url, body)).statusCode).toBe(403);
      expect((await session.send("PATCH", `${url}/price`, { labelFr: "Tarif" })).statusCode).toBe(403);
    }
    expect(
      await w.count(sql`select count(*)::int as n from dispute_reason where code = 'late_delivery'`),
    ).toBe(0);
  });

  it("adds a reason at the end, refuses a duplicate or a malformed code", async () => {
    const body = { code: "late_delivery", labelFr: "Livraison tardive", labelEn: "Late delivery" };
    const added = await admin.send("POST", url, body);
    expect(added.statusCode).toBe(201);
    const list: DisputeReasonList = added.json();
    expect(list.items.at(-1)).toMatchObject({ ...body, isActive: true, position: 90 });
    const again = await admin.send("POST", url, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.issues).toEqual([
      { field: "code", value: "late_delivery", message: "is already a reason of this company" },
    ]);
    const bad = await admin.send("POST", url, { ...body, code: "Late Delivery" });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error)).toContain("code");
  });

  it("renames a reason: disputes, alerts and lists read the new label", async () => {
    const renamed = await admin.send("PATCH", `${url}/price`, { labelFr: "Tarif", labelEn: "Pricing" });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().items[0]).toMatchObject({ code: "price", labelFr: "Tarif", labelEn: "Pricing" });
    const opened = await w.sessions.sophie.send("POST", `/api/customers/${w.customers.A}/disputes`, {
      invoices: [{ invoiceId: w.invoices.A1 }],
      reason: "price",
      ownerId: w.users.rep,
    });
    expect(opened.statusCode).toBe(201);
    const dispute: Dispute = opened.json().items[0];
    expect(dispute).toMatchObject({ reason: "price", reasonLabel: { fr: "Tarif", en: "Pricing" } });
    const alert = await handle.db.execute<{ message: string }>(sql`
      select message from alert where kind = 'dispute_assigned' order by id desc limit 1`);
    expect(alert.rows[0]?.message).toContain("motif « tarif »");
    const list: DisputeReasonList = (await w.sessions.sophie.get(url)).json();
    expect(list.items.find((r) => r.code === "price")?.disputeCount).toBe(1);
  });

  it("refuses a dispute whose reason is unknown or deactivated, naming the value", async () => {
    const unknown = await openDispute("weather");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues).toEqual([
      {
        field: "reason",
        value: "weather",
        message: `is not a dispute reason of this company; active reasons: ${[...DEFAULT_CODES, "late_delivery"].join(", ")}`,
      },
    ]);
    const off = await admin.send("PATCH", `${url}/quality`, { isActive: false });
    expect(off.json().items.find((r: { code: string }) => r.code === "quality").isActive).toBe(false);
    const refused = await openDispute("quality");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues[0]).toMatchObject({ field: "reason", value: "quality" });
    expect(refused.json().error.issues[0].message).toMatch(
      /^is a dispute reason the administrator has deactivated/,
    );
    const call = await w.sessions.sophie.send("POST", `/api/customers/${w.customers.A}/calls`, {
      outcome: "reached",
      dispute: { invoices: [{ invoiceId: w.invoices.A3 }], reason: "quality" },
    });
    expect(call.statusCode).toBe(400);
    expect(call.json().error.issues[0]).toMatchObject({ field: "dispute.reason", value: "quality" });
    expect(await w.count(sql`select count(*)::int as n from dispute where reason = 'quality'`)).toBe(0);
    expect((await openDispute("late_delivery")).statusCode).toBe(201);
  });

  it("keeps a deactivated reason on the disputes that carry it", async () => {
    await admin.send("PATCH", `${url}/late_delivery`, { isActive: false });
    const disputes: Dispute[] = (
      await w.sessions.sophie.get(`/api/customers/${w.customers.A}/disputes`)
    ).json().items;
    expect(disputes.find((d) => d.reason === "late_delivery")?.reasonLabel).toEqual({
      fr: "Livraison tardive",
      en: "Late delivery",
    });
  });

  it("deletes a reason no dispute carries, never one in use", async () => {
    const used = await admin.send("DELETE", `${url}/late_delivery`);
    expect(used.statusCode).toBe(409);
    expect(used.json().error.message).toContain("deactivate it instead");
    await admin.send("POST", url, { code: "typo", labelFr: "Typo", labelEn: "Typo" });
    const deleted = await admin.send("DELETE", `${url}/typo`);
    expect(deleted.statusCode).toBe(200);
    expect(codes(deleted.json())).not.toContain("typo");
    expect((await admin.send("DELETE", `${url}/nothing`)).statusCode).toBe(404);
  });

  it("always leaves a company one active reason", async () => {
    const other = `/api/companies/${newCompanyId}/dispute-reasons`;
    for (const code of DEFAULT_CODES.slice(1)) {
      expect((await admin.send("DELETE", `${other}/${code}`)).statusCode).toBe(200);
    }
    const last = await admin.send("DELETE", `${other}/price`);
    expect(last.statusCode).toBe(409);
    expect(last.json().error.issues[0]).toMatchObject({ field: "code", value: "price" });
    const off = await admin.send("PATCH", `${other}/price`, { isActive: false });
    expect(off.statusCode).toBe(409);
    expect(off.json().error.issues[0]).toMatchObject({ field: "isActive", value: false });
    expect(codes((await admin.get(other)).json())).toEqual(["price"]);
  });

  it("reorders the reasons when every code is listed once", async () => {
    const current = codes((await admin.get(url)).json());
    const partial = await admin.send("PUT", `${url}/order`, { codes: ["other", "price"] });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.issues[0].message).toMatch(/^leaves out quantity, quality/);
    const unknown = await admin.send("PUT", `${url}/order`, { codes: [...current, "ghost"] });
    expect(unknown.json().error.issues[0].message).toBe("names unknown reasons: ghost");
    const wanted = [...current].reverse();
    const reordered = await admin.send("PUT", `${url}/order`, { codes: wanted });
    expect(reordered.statusCode).toBe(200);
    expect(codes(reordered.json())).toEqual(wanted);
    expect(reordered.json().items.map((r: { position: number }) => r.position)).toEqual(
      wanted.map((_, index) => (index + 1) * 10),
    );
  });

  it("writes an audit row for each change", async () => {
    const rows = await handle.db.execute<{ action: string }>(sql`
      select action from audit_log where entity = 'dispute_reason' order by id`);
    expect(rows.rows.map((r) => r.action)).toEqual([
      "create",
      "update",
      "update",
      "update",
      "create",
      "delete",
      ...DEFAULT_CODES.slice(1).map(() => "delete"),
      "reorder",
    ]);
  });

  it("keeps the resolution note on the dispute", async () => {
    const [dispute] = (await w.sessions.sophie.get(`/api/customers/${w.customers.A}/disputes`)).json()
      .items as Dispute[];
    const id = dispute?.id as number;
    await w.sessions.sophie.send("POST", `/api/disputes/${id}/transition`, { to: "under_review" });
    const rejected = await w.sessions.sophie.send("POST", `/api/disputes/${id}/transition`, {
      to: "rejected",
      note: "Prix conforme au contrat",
    });
    expect(rejected.json().resolutionNote).toBe("Prix conforme au contrat");
    const stored = await handle.db.execute<{ resolution_note: string }>(sql`
      select resolution_note from dispute where id = ${id}`);
    expect(stored.rows[0]?.resolution_note).toBe("Prix conforme au contrat");
  });
});
