import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Session, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeUser } from "../../../test/helpers/factories";
import { multipart } from "../../../test/helpers/multipart";
import type { DatabaseHandle } from "../../db/client";
import type { App } from "../context";

let handle: DatabaseHandle;
let app: App;
let manager: Session;
let collector: Session;
let companyId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildTestApp(handle);
  companyId = (await makeCompany(handle.db, { code: "FR" })).id;
  manager = await signIn(app, (await makeUser(handle.db, "credit_manager")).email);
  collector = await signIn(app, (await makeUser(handle.db, "collector")).email);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

const upload = (
  session: Session,
  fields: Record<string, string>,
  files: { name: string; content: string }[],
) => {
  const body = multipart(fields, files);
  return app.inject({
    method: "POST",
    url: "/api/imports",
    headers: { ...body.headers, cookie: session.cookie, "x-csrf-token": session.csrfToken },
    payload: body.payload,
  });
};

describe("POST /api/imports", () => {
  it("imports uploaded files, one report each", async () => {
    const response = await upload(manager, { kind: "customers", companyId: String(companyId) }, [
      { name: "clients.csv", content: "external_ref;name\nC1;Alpha\nC2;Bravo\n" },
      { name: "clients-2.csv", content: "external_ref;name\nC3;Charlie\n" },
    ]);
    expect(response.statusCode).toBe(200);
    expect(
      response.json().reports.map((r: { fileName: string; created: number }) => [r.fileName, r.created]),
    ).toEqual([
      ["clients.csv", 2],
      ["clients-2.csv", 1],
    ]);
  });

  it("lists the batches and serves the error report, formulas neutralised", async () => {
    const bad = await upload(manager, { kind: "invoices", companyId: String(companyId) }, [
      {
        name: "factures.csv",
        content:
          "customer_ref,number,issue_date,due_date,amount\n=HYPERLINK(1),FA-1,2026-01-01,2026-01-31,10\n",
      },
    ]);
    const report = bad.json().reports[0];
    expect(report.status).toBe("failed");
    const list = (await manager.get("/api/imports")).json();
    expect(list.items[0]).toMatchObject({
      id: report.batchId,
      status: "failed",
      errorCount: 1,
      fileName: "factures.csv",
    });
    const detail = (await manager.get(`/api/imports/${report.batchId}`)).json();
    expect(detail.errors[0]).toMatchObject({ line: 2, column: "customer_ref", value: "=HYPERLINK(1)" });
    const csv = await manager.get(`/api/imports/${report.batchId}/errors.csv`);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("2;customer_ref;'=HYPERLINK(1);");
  });

  it("asks for the fields before the files, and refuses collectors", async () => {
    const noKind = await upload(manager, { companyId: String(companyId) }, [
      { name: "x.csv", content: "a\n1\n" },
    ]);
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json().error.issues[0]).toMatchObject({ field: "kind" });
    const denied = await upload(collector, { kind: "customers", companyId: String(companyId) }, [
      { name: "x.csv", content: "a\n1\n" },
    ]);
    expect(denied.statusCode).toBe(403);
  });
});

describe("POST /api/import/:kind (ERP connectors)", () => {
  it("upserts JSON rows with an API token, and answers 422 with every error", async () => {
    const created = await manager.send("POST", "/api/tokens", { name: "ERP" });
    const auth = { authorization: `Bearer ${created.json().token}` };
    const ok = await app.inject({
      method: "POST",
      url: "/api/import/invoices",
      headers: auth,
      payload: {
        company: "FR",
        rows: [
          {
            customer_ref: "C1",
            number: "FA-100",
            issue_date: "2026-02-01",
            due_date: "2026-03-03",
            amount: 1500.5,
          },
        ],
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: "succeeded", created: 1, kind: "invoices" });
    const bad = await app.inject({
      method: "POST",
      url: "/api/import/invoices",
      headers: auth,
      payload: {
        company: "FR",
        rows: [
          {
            customer_ref: "C1",
            number: "FA-101",
            issue_date: "demain",
            due_date: "2026-03-03",
            amount: "abc",
          },
        ],
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { column: string }) => e.column)).toEqual(["issue_date", "amount"]);
    const unknownCompany = await app.inject({
      method: "POST",
      url: "/api/import/invoices",
      headers: auth,
      payload: { company: "XX", rows: [{}] },
    });
    expect(unknownCompany.statusCode).toBe(400);
    expect(unknownCompany.json().error.message).toContain("No company XX");
  });
});
