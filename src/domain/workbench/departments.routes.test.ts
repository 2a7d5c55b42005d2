import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDunningCompany } from "../../../test/golden/dunning/dunning-world";
import { makeWorkbenchWorld, type WorkbenchWorld } from "../../../test/golden/workbench/workbench-world";
import { type Session, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeUser } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import type { DepartmentEntry, DepartmentList } from "./departments.schemas";
import type { Dispute, DisputePage } from "./workbench.schemas";

/**
 * A company's departments through HTTP: who reads and edits them, what is refused (bad address, duplicate
 * name, another company's), and disputes owned by a department: checked, shown, filtered, emailed.
 */
let handle: DatabaseHandle;
let w: WorkbenchWorld;
let admin: Session;
let url: string;
let otherCompanyId: number;
const ids = { adv: 0, logistics: 0, quality: 0, foreign: 0 };

beforeAll(async () => {
  handle = await openTestDatabase();
  w = await makeWorkbenchWorld(handle);
  const adminUser = await makeUser(handle.db, "admin", "Alice Admin");
  admin = await signIn(w.app, adminUser.email);
  url = `/api/companies/${w.companyId}/departments`;
  otherCompanyId = (await makeDunningCompany(handle.db, "WB2")).id;
});
afterAll(async () => {
  await w?.app.close();
  await handle?.close();
});

const named = (list: DepartmentList, name: string): DepartmentEntry | undefined =>
  list.items.find((d) => d.name === name);

async function outboxTo(recipient: string) {
  const result = await handle.db.execute<{ recipient: string; payload: Record<string, unknown> }>(sql`
    select recipient, payload from outbox
    where payload ->> 'template' = 'internal.dispute' and recipient = ${recipient} order by id`);
  return result.rows;
}

describe("the department catalogue", () => {
  it("starts empty, is read by everyone who sees disputes (to filter them), and is unknown for a missing company", async () => {
    for (const session of [w.sessions.sophie, w.sessions.manager, admin, w.sessions.rep, w.sessions.viewer]) {
      const response = await session.get(url);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ companyId: w.companyId, items: [] });
    }
    expect((await admin.get("/api/companies/999999/departments")).statusCode).toBe(404);
  });

  it("lets only an administrator add or change one", async () => {
    const body = { name: "ADV", email: "adv@wb.example" };
    for (const session of [w.sessions.manager, w.sessions.sophie, w.sessions.viewer]) {
      expect((await session.send("POST", url, body)).statusCode).toBe(403);
    }
    expect(await w.count(sql`select count(*)::int as n from department`)).toBe(0);
  });

  it("adds departments by name, trims the address, and refuses a duplicate name in any case", async () => {
    const added = await admin.send("POST", url, { name: "ADV", email: "  adv@wb.example " });
    expect(added.statusCode).toBe(201);
    const list: DepartmentList = added.json();
    expect(list.items).toEqual([
      {
        id: expect.any(Number),
        name: "ADV",
        email: "adv@wb.example",
        isActive: true,
        disputeCount: 0,
        activeDisputeCount: 0,
      },
    ]);
    ids.adv = list.items[0]?.id as number;
    const logistics: DepartmentList = (
      await admin.send("POST", url, { name: "Logistique", email: "logistique@wb.example" })
    ).json();
    ids.logistics = named(logistics, "Logistique")?.id as number;
    const quality: DepartmentList = (
      await admin.send("POST", url, { name: "Qualité", email: "qualite@wb.example" })
    ).json();
    expect(quality.items.map((d) => d.name)).toEqual(["ADV", "Logistique", "Qualité"]);
    ids.quality = named(quality, "Qualité")?.id as number;

    const again = await admin.send("POST", url, { name: "adv", email: "other@wb.example" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.issues).toEqual([
      { field: "name", value: "adv", message: "is already a department of this company" },
    ]);
    // The same name in another company is another department.
    const foreign = await admin.send("POST", `/api/companies/${otherCompanyId}/departments`, {
      name: "ADV",
      email: "adv@wb2.example",
    });
    expect(foreign.statusCode).toBe(201);
    ids.foreign = foreign.json().items[0].id;
    const audit = await w.count(sql`
      select count(*)::int as n from audit_log where entity = 'department' and action = 'create'`);
    expect(audit).toBe(4);
  });

  it("refuses a malformed address or an empty name, naming the field and the value", async () => {
    const bad = await admin.send("POST", url, { name: "Compta", email: "compta-at-wb.example" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([
      {
        field: "email",
        value: "compta-at-wb.example",
        message: "must be an email address, e.g. litiges@example.com",
      },
    ]);
    const empty = await admin.send("POST", url, { name: "  ", email: "compta@wb.example" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.issues[0]).toMatchObject({ field: "name", value: "  " });
    const patch = await admin.send("PATCH", `${url}/${ids.adv}`, {
      email: "two@wb.example, three@wb.example",
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.issues[0]).toMatchObject({ field: "email" });
    expect((await admin.send("PATCH", `${url}/${ids.adv}`, {})).statusCode).toBe(400);
    expect(await w.count(sql`select count(*)::int as n from department where name = 'Compta'`)).toBe(0);
  });

  it("renames a department and changes its address; a taken name or another company's department is refused", async () => {
    const renamed = await admin.send("PATCH", `${url}/${ids.adv}`, {
      name: "Administration des ventes",
      email: "ventes@wb.example",
    });
    expect(renamed.statusCode).toBe(200);
    expect(named(renamed.json(), "Administration des ventes")).toMatchObject({
      id: ids.adv,
      email: "ventes@wb.example",
      isActive: true,
    });
    const taken = await admin.send("PATCH", `${url}/${ids.adv}`, { name: "LOGISTIQUE" });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.issues).toEqual([
      { field: "name", value: "LOGISTIQUE", message: "is already a department of this company" },
    ]);
    // Renaming a department to its own name in another case is not a duplicate.
    expect((await admin.send("PATCH", `${url}/${ids.logistics}`, { name: "logistique" })).statusCode).toBe(
      200,
    );
    expect((await admin.send("PATCH", `${url}/${ids.logistics}`, { name: "Logistique" })).statusCode).toBe(
      200,
    );
    expect((await admin.send("PATCH", `${url}/${ids.foreign}`, { isActive: false })).statusCode).toBe(404);
    expect((await admin.send("PATCH", `${url}/999999`, { isActive: false })).statusCode).toBe(404);
    const before = await handle.db.execute<{ before: unknown }>(sql`
      select before from audit_log where entity = 'department' and action = 'update' order by id limit 1`);
    expect(before.rows[0]?.before).toEqual({ name: "ADV", email: "adv@wb.example", isActive: true });
  });
});

describe("disputes owned by a department", () => {
  it("opens a dispute for a department alone: shown on the dispute, emailed in the company's language, no alert", async () => {
    const alerts = await w.count(sql`select count(*)::int as n from alert`);
    const response = await w.sessions.sophie.send("POST", `/api/customers/${w.customers.A}/disputes`, {
      invoices: [{ invoiceId: w.invoices.A1 }],
      reason: "not_received",
      departmentId: ids.logistics,
    });
    expect(response.statusCode).toBe(201);
    const [dispute]: Dispute[] = response.json().items;
    expect(dispute).toMatchObject({ owner: null, department: { id: ids.logistics, name: "Logistique" } });
    const queued = await outboxTo("logistique@wb.example");
    expect(queued).toHaveLength(1);
    expect(queued[0]?.payload).toMatchObject({ type: "internal_email", template: "internal.dispute" });
    expect(queued[0]?.payload).not.toHaveProperty("language");
    expect(await w.count(sql`select count(*)::int as n from alert`)).toBe(alerts);
    const timeline = await handle.db.execute<{ summary: string; data: Record<string, unknown> }>(sql`
      select summary, data from activity where type = 'dispute_opened' and invoice_id = ${w.invoices.A1}`);
    expect(timeline.rows[0]?.summary).toContain(", department Logistique");
    expect(timeline.rows[0]?.data).toMatchObject({
      departmentId: ids.logistics,
      departmentName: "Logistique",
    });
  });

  it("opens a dispute with a person and a department: both emailed, the person alerted", async () => {
    const response = await w.sessions.sophie.send("POST", `/api/customers/${w.customers.A}/disputes`, {
      invoices: [{ invoiceId: w.invoices.A2 }],
      reason: "price",
      ownerId: w.users.rep,
      departmentId: ids.adv,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().items[0]).toMatchObject({
      owner: { id: w.users.rep, name: "Thomas Leroy" },
      department: { id: ids.adv, name: "Administration des ventes" },
    });
    expect(await outboxTo("ventes@wb.example")).toHaveLength(1);
    const audit = await handle.db.execute<{ after: Record<string, unknown> }>(sql`
      select after from audit_log where entity = 'dispute' and action = 'open' order by id desc limit 1`);
    expect(audit.rows[0]?.after).toMatchObject({
      ownerId: w.users.rep,
      departmentId: ids.adv,
      departmentName: "Administration des ventes",
    });
  });

  it("refuses an unknown, another company's or a deactivated department, naming it, and writes nothing", async () => {
    const disputes = await w.count(sql`select count(*)::int as n from dispute`);
    const open = (departmentId: number) =>
      w.sessions.sophie.send("POST", `/api/customers/${w.customers.A}/disputes`, {
        invoices: [{ invoiceId: w.invoices.A3 }],
        reason: "quality",
        departmentId,
      });
    const unknown = await open(999999);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues).toEqual([
      {
        field: "departmentId",
        value: 999999,
        message: `is not a department of the customer's company; active departments: ${ids.adv} (Administration des ventes), ${ids.logistics} (Logistique), ${ids.quality} (Qualité)`,
      },
    ]);
    const foreign = await open(ids.foreign);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.issues[0]).toMatchObject({ field: "departmentId", value: ids.foreign });

    const off = await admin.send("PATCH", `${url}/${ids.quality}`, { isActive: false });
    expect(named(off.json(), "Qualité")?.isActive).toBe(false);
    const refused = await open(ids.quality);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues[0]).toMatchObject({ field: "departmentId", value: ids.quality });
    expect(refused.json().error.issues[0].message).toMatch(
      /^is a department the administrator has deactivated/,
    );
    const call = await w.sessions.sophie.send("POST", `/api/customers/${w.customers.A}/calls`, {
      outcome: "reached",
      dispute: { invoices: [{ invoiceId: w.invoices.A3 }], reason: "quality", departmentId: ids.quality },
    });
    expect(call.statusCode).toBe(400);
    expect(call.json().error.issues[0]).toMatchObject({ field: "dispute.departmentId", value: ids.quality });
    expect(await w.count(sql`select count(*)::int as n from dispute`)).toBe(disputes);
    expect(await outboxTo("qualite@wb.example")).toHaveLength(0);
    // Reactivated, it is offered again.
    expect((await admin.send("PATCH", `${url}/${ids.quality}`, { isActive: true })).statusCode).toBe(200);
  });

  it("gives the dispute of a logged call its department", async () => {
    const call = await w.sessions.sophie.send("POST", `/api/customers/${w.customers.B}/calls`, {
      outcome: "reached",
      dispute: { invoices: [{ invoiceId: w.invoices.B1 }], reason: "quality", departmentId: ids.quality },
    });
    expect(call.statusCode).toBe(201);
    expect(call.json().disputes[0].department).toEqual({ id: ids.quality, name: "Qualité" });
    expect(await outboxTo("qualite@wb.example")).toHaveLength(1);
  });

  it("filters the disputes by department and counts each department's disputes", async () => {
    const page: DisputePage = (
      await w.sessions.manager.get(`/api/disputes?departmentId=${ids.logistics}`)
    ).json();
    expect(page.total).toBe(1);
    expect(page.items.map((d) => d.invoice.number)).toEqual(["A-1"]);
    const all: DisputePage = (await w.sessions.manager.get("/api/disputes")).json();
    expect(all.items.find((d) => d.invoice.number === "B-1")?.department?.name).toBe("Qualité");
    const customer = (await w.sessions.sophie.get(`/api/customers/${w.customers.A}/disputes`)).json();
    expect(customer.items.map((d: Dispute) => d.department?.name ?? null).sort()).toEqual([
      "Administration des ventes",
      "Logistique",
    ]);
    const bad = await w.sessions.manager.get("/api/disputes?departmentId=abc");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({ field: "departmentId", value: "abc" });
    const list: DepartmentList = (await w.sessions.sophie.get(url)).json();
    expect(named(list, "Logistique")).toMatchObject({ disputeCount: 1, activeDisputeCount: 1 });
    expect(named(list, "Qualité")).toMatchObject({ disputeCount: 1, isActive: true });
  });
});
