import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeKpiWorld } from "../../../test/golden/kpis/kpis-world";
import { buildTestApp, type Session, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeUser } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import { pdfPageCount } from "../communications/pdf-document";
import { pdfText } from "../communications/pdf-text.test-support";
import type { App } from "../context";

/** The monthly PDF report over the golden dataset's snapshots (kpis-world.ts). */
let handle: DatabaseHandle;
let app: App;
let world: Awaited<ReturnType<typeof makeKpiWorld>>;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildTestApp(handle);
  world = await makeKpiWorld(handle.db);
  sessions.manager = await signIn(app, (await makeUser(handle.db, "credit_manager")).email);
  sessions.sophie = await signIn(app, world.users.sophie.email);
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

const url = (extra: string) => `/api/kpis/report.pdf?companyId=${world.company.id}&month=2026-03${extra}`;

describe("GET /api/kpis/report.pdf", () => {
  it("writes the month's report in English", async () => {
    const response = await sessions.manager!.get(url("&lang=en"));
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="encours-kpi-report-GK-EUR-2026-03.pdf"',
    );
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    const lines = pdfText(pdf).split("\n");
    expect(lines).toContain("Monthly KPI report · March 2026");
    expect(lines).toContain("Snapshot of 31/03/2026; period: the three rolling months from 01/01/2026.");
    expect(lines).toContain("Compared with 28/02/2026 (previous month) and 31/03/2025 (a year earlier).");
    // the golden figures: this month end, the previous one, the change, a year earlier (nothing issued yet)
    expect(lines).toContain("DSO (countback) 76.08 days 85.35 days -9.27 days 0 days +76.08 days");
    expect(lines).toContain("Collection effectiveness (CEI) 45.31% 22.35% +22.96% — —");
    // the twelve-month trend: the month ends that have a snapshot
    expect(lines).toContain("28/02/2026 85.35 days 66.67% €1,900.00");
    expect(lines).toContain("31/03/2026 76.08 days 72.16% €5,500.00");
    // the aged balance adds up to the receivables
    expect(lines).toContain("Total €9,700.00");
    expect(lines.some((l) => /^Over 90 days €600\.00 6\.19%$/.test(l))).toBe(true);
    // top overdue, disputes by reason and age, the collectors' league table
    expect(lines.some((l) => / Alpha €3,600\.00 €4,800\.00 151$/.test(l))).toBe(true);
    expect(lines.some((l) => /^price — 1 · €1,000\.00 — — 1 · €1,000\.00$/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith("Julien Kpi €4,900.00 €3,400.00 69.39%"))).toBe(true);
    expect(lines.at(-1)).toBe("Encours · GK · March 2026 · page 1 of 1");
  });

  it("speaks the user's language (French) unless told otherwise", async () => {
    const response = await sessions.manager!.get(url(""));
    expect(response.statusCode).toBe(200);
    const text = pdfText(response.rawPayload);
    const lines = text.split("\n");
    expect(lines[0]).toBe("Rapport mensuel des indicateurs · mars 2026");
    expect(lines).toContain("DSO (épuisement) 76,08 j 85,35 j -9,27 j 0 j +76,08 j");
    expect(lines).toContain("Encours 9 700,00 € 9 900,00 € -200,00 € 0,00 € +9 700,00 €");
    expect(lines).toContain("Plus de 90 jours 600,00 € 6,19 %");
    expect(lines.at(-1)).toBe("Encours · GK · mars 2026 · page 1 sur 1");
  });

  it("shows a collector their own portfolio, without a league table", async () => {
    const response = await sessions.sophie!.get(url(`&lang=en&collectorId=${world.users.julien.id}`));
    expect(response.statusCode).toBe(200);
    const lines = pdfText(response.rawPayload).split("\n");
    expect(lines).toContain("Company 1 (GK) · EUR · collector: Sophie Kpi");
    // Alpha's receivables only (Sophie's portfolio), whatever collector was asked for
    expect(lines.some((l) => l.startsWith("Receivables €4,800.00 "))).toBe(true);
    expect(lines).toContain("No collector in this scope.");
    expect(lines.some((l) => l.includes("Bravo"))).toBe(false);
  });

  it("names the month and the way out when the month has no snapshot, and refuses a malformed month", async () => {
    const missing = await sessions.manager!.get(
      `/api/kpis/report.pdf?companyId=${world.company.id}&month=2025-06`,
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toContain("No KPI snapshot of GK in 2025-06");
    expect(missing.json().error.message).toContain("encours kpi --date 2025-06-30");
    const malformed = await sessions.manager!.get(
      `/api/kpis/report.pdf?companyId=${world.company.id}&month=2026-13`,
    );
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.issues[0]).toMatchObject({ field: "month", value: "2026-13" });
  });
});
