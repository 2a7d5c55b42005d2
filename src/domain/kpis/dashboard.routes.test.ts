import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeKpiWorld } from "../../../test/golden/kpis/kpis-world";
import { buildTestApp, type Session, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeUser } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import type { App } from "../context";

/** The dashboard, its detail tables and exports over the golden dataset's snapshots (kpis-world.ts). */
let handle: DatabaseHandle;
let app: App;
let world: Awaited<ReturnType<typeof makeKpiWorld>>;
const sessions: Record<string, Session> = {};
let query = "";

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildTestApp(handle);
  world = await makeKpiWorld(handle.db);
  // A name a spreadsheet would run as a formula.
  await handle.db.execute(
    sql`update customer set name = '=HYPERLINK("http://x.example","Alpha")' where id = ${world.customers.a.id}`,
  );
  sessions.manager = await signIn(app, (await makeUser(handle.db, "credit_manager")).email);
  sessions.viewer = await signIn(app, (await makeUser(handle.db, "viewer")).email);
  sessions.sophie = await signIn(app, world.users.sophie.email);
  query = `companyId=${world.company.id}&date=2026-03-31`;
  for (const date of ["2025-03-31", "2026-01-31", "2026-02-28", "2026-03-31"]) {
    const taken = await sessions.manager.send("POST", "/api/kpis/snapshots", {
      companyId: world.company.id,
      date,
    });
    expect(taken.statusCode).toBe(200);
  }
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe("GET /api/kpis/dashboard", () => {
  it("reads the figures, the trends and the league table from the snapshots", async () => {
    const response = await sessions.viewer!.get(`/api/kpis/dashboard?${query}`);
    expect(response.statusCode).toBe(200);
    const d = response.json();
    expect(d).toMatchObject({
      date: "2026-03-31",
      currency: "EUR",
      currencies: ["EUR"],
      segments: ["key", "smes"],
    });
    expect(d.current).toMatchObject({ dsoCountback: 76.08, receivables: "9700.00" });
    expect(d.lastMonth).toMatchObject({ date: "2026-02-28", receivables: "9900.00" });
    // a year earlier nothing was issued yet: its snapshot is all zero
    expect(d.lastYear).toMatchObject({ date: "2025-03-31", receivables: "0.00" });
    expect(d.trend.map((p: { date: string }) => p.date)).toEqual(["2026-01-31", "2026-02-28", "2026-03-31"]);
    expect(
      d.league.map((r: { name: string; report: { receivables: string } }) => [r.name, r.report.receivables]),
    ).toEqual(
      [
        ["Sophie Kpi", "4800.00"],
        ["Julien Kpi", "4900.00"],
      ].sort((a, b) => Number(b[1]) - Number(a[1])),
    );
  });

  it("cuts by segment, and shows a collector their own portfolio whatever they ask", async () => {
    const key = (await sessions.manager!.get(`/api/kpis/dashboard?${query}&segment=key`)).json();
    expect(key.current.receivables).toBe("4900.00");
    const sophie = (
      await sessions.sophie!.get(`/api/kpis/dashboard?${query}&collectorId=${world.users.julien.id}`)
    ).json();
    expect(sophie.current.receivables).toBe("4800.00");
    expect(sophie.league).toEqual([]);
  });

  it("says so when no snapshot was taken on or before the date", async () => {
    const d = (
      await sessions.manager!.get(`/api/kpis/dashboard?companyId=${world.company.id}&date=2025-01-15`)
    ).json();
    expect(d).toMatchObject({ date: null, current: null, trend: [] });
  });
});

describe("the detail tables", () => {
  it("lists the customers with the most overdue, and the disputes by reason and age", async () => {
    const top = (await sessions.manager!.get(`/api/kpis/top-overdue?${query}`)).json();
    // A: I2 2,000 + I3 1,000 + I9 600 = 3,600 (I9 151 days); B: I6 3,000 + I11 400 = 3,400
    expect(
      top.items.map((c: { overdue: string; maxDaysOverdue: number }) => [c.overdue, c.maxDaysOverdue]),
    ).toEqual([
      ["3600.00", 151],
      ["3400.00", 55],
    ]);
    const disputes = (await sessions.manager!.get(`/api/kpis/disputes?${query}`)).json();
    // opened 2026-02-25: 34 days old
    expect(disputes.items).toEqual([{ reason: "price", age: "d31_60", count: 1, amount: "1000.00" }]);
  });
});

describe("GET /api/kpis/export", () => {
  it("writes CSV with formula-looking text neutralised and amounts kept exact", async () => {
    const response = await sessions.manager!.get(
      `/api/kpis/export?${query}&table=top-overdue&format=csv&lang=en`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toContain("encours-top-overdue-2026-03-31.csv");
    const lines = response.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Reference,Customer,Overdue,Receivables,Max days overdue");
    expect(lines[1]).toMatch(
      /^[^,]+,"'=HYPERLINK\(""http:\/\/x\.example"",""Alpha""\)",3600\.00,4800\.00,151$/,
    );
  });

  it("writes XLSX whose amounts are numbers and whose text cannot run", async () => {
    const response = await sessions.manager!.get(`/api/kpis/export?${query}&table=top-overdue&format=xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Référence");
    expect(sheet.getRow(2).getCell(2).value).toBe(`'=HYPERLINK("http://x.example","Alpha")`);
    expect(sheet.getRow(2).getCell(3).value).toBe(3600);
    expect(sheet.getRow(2).getCell(5).value).toBe(151);
  });

  it("exports the league table and the aged balance", async () => {
    const aging = await sessions.manager!.get(`/api/kpis/export?${query}&table=aging`);
    expect(aging.body).toContain("Non échu;2700.00");
    const league = await sessions.manager!.get(`/api/kpis/export?${query}&table=league&lang=en`);
    expect(league.body).toContain("Julien Kpi,4900.00,3400.00");
  });
});

describe("POST /api/kpis/snapshots", () => {
  it("returns a stored snapshot as it is, recomputes only when asked, and refuses viewers", async () => {
    const body = { companyId: world.company.id, date: "2026-03-31" };
    expect((await sessions.viewer!.send("POST", "/api/kpis/snapshots", body)).statusCode).toBe(403);
    expect((await sessions.manager!.send("POST", "/api/kpis/snapshots", body)).json().outcome).toBe("stored");
    const again = await sessions.manager!.send("POST", "/api/kpis/snapshots", { ...body, recompute: true });
    expect(again.json()).toMatchObject({ outcome: "recomputed", rows: 7 });
    const audit = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'kpi_snapshot.recompute'`,
    );
    expect(audit.rows[0]!.n).toBe(1);
  });
});
