import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible } from "./axe";
import { launchChromium, shouldRunBrowserTests } from "./browser";
import { type DemoServer, startDemoServer } from "./server";

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  if (!shouldRunBrowserTests) return;
  server = await startDemoServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.runIf(shouldRunBrowserTests)("the credit manager's dashboard", () => {
  it("shows the demo's figures with their trends, charts and tables, and leads to the items behind them", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    await page.goto(`${server.url}/dashboard`);
    await page.getByTestId("login-email").fill("claire.martin@demo.encours.app");
    await page.getByTestId("login-password").fill("encours-demo");
    await page.getByTestId("login-submit").click();

    const dso = page.getByTestId("kpi-kpis.dsoCountback");
    await dso.waitFor();
    expect(await dso.textContent()).toMatch(/\d+,\d{2} j/);
    // the demo's backfill gives a month-ago and a year-ago snapshot to compare with
    expect((await dso.textContent())?.match(/depuis le/g)).toHaveLength(2);
    await page.getByTestId("trend-charts").locator("svg").first().waitFor();
    expect(await page.getByTestId("aging-table").locator("tbody tr").count()).toBe(5);
    await page.getByTestId("league-table").waitFor();
    await expectAccessible(page, "the dashboard");
    expect(await page.getByTestId("league-table").locator("tbody tr").count()).toBeGreaterThan(0);
    const exportCsv = page.getByTestId("export-league");
    await exportCsv.click();
    const csvLink = page.getByRole("menuitem", { name: /CSV/ });
    expect(await csvLink.getAttribute("href")).toMatch(/^\/api\/kpis\/export\?.*table=league.*format=csv/);
    await page.keyboard.press("Escape");
    // the monthly PDF report of the month shown, with the page's filters, in the page's language
    const report = page.getByTestId("monthly-report");
    expect(await report.textContent()).toMatch(/^Rapport de .+ \d{4} \(PDF\)$/);
    const reportHref = (await report.getAttribute("href")) ?? "";
    expect(reportHref).toMatch(/^\/api\/kpis\/report\.pdf\?.*month=\d{4}-\d{2}.*lang=fr/);
    const pdf = await page.request.get(`${server.url}${reportHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await page.screenshot({ path: path.join(tmpdir(), "encours-e2e-dashboard.png"), fullPage: true });

    // a segment cuts every figure, through the query string
    await page.getByTestId("dashboard-segment").click();
    await page.getByRole("option").first().click();
    await page.waitForURL(/segment=/);
    await dso.waitFor();

    // drill-down: the most overdue customer's page
    const top = page.getByTestId("top-overdue-table").locator("tbody tr a").first();
    await top.waitFor();
    const href = (await top.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/customers\/\d+$/);
    await top.click();
    // The table may refresh for the new segment between reading the link and clicking it: any
    // customer's page is the drill-down's destination.
    await page.waitForURL((url) => /^\/customers\/\d+$/.test(url.pathname));
    await page.getByTestId("customer-header").waitFor();
    await page.close();
  });
});
