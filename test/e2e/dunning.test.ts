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

const HOLD_REASON = "Avoir en attente, accord du commercial";

describe.runIf(shouldRunBrowserTests)("a credit manager works the dunning", () => {
  it("reads the calendar, then holds and resumes the dunning of a customer", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    await page.goto(`${server.url}/dunning/calendar?days=30`);
    await page.getByTestId("login-email").fill("claire.martin@demo.encours.app");
    await page.getByTestId("login-password").fill("encours-demo");
    await page.getByTestId("login-submit").click();

    // A simulation, said so, day by day, with the reason of every planned action.
    await page.getByTestId("calendar-simulation").waitFor();
    const firstAction = page.getByTestId("calendar-action").first();
    await firstAction.waitFor();
    expect(await page.locator('[data-testid^="calendar-day-"]').count()).toBe(30);
    const reason = (await firstAction.getByTestId("calendar-reason").textContent()) ?? "";
    expect(reason).toMatch(/Facture .+ (échue depuis|à échéance|arrivée à échéance)/);
    expect(await page.getByTestId("run-now").isVisible()).toBe(true);
    await expectAccessible(page, "the dunning calendar (days)");

    await page.getByTestId("calendar-tab-customers").click();
    await page.getByTestId("calendar-timeline").waitFor();
    await expectAccessible(page, "the dunning calendar (customers)");
    await page.screenshot({ path: path.join(tmpdir(), "encours-e2e-calendar.png"), fullPage: false });
    await page.getByTestId("calendar-tab-days").click();

    // The customer of that action: its dunning tab.
    const customerName = ((await firstAction.getByRole("link").first().textContent()) ?? "").trim();
    await firstAction.getByRole("link").first().click();
    await page.getByTestId("customer-header").waitFor();
    expect(await page.getByTestId("customer-name").textContent()).toContain(customerName);
    await page.getByTestId("customer-dunning-tab").click();
    await page.getByTestId("customer-dunning").waitFor();
    await page.getByTestId("next-action").waitFor();
    expect(await page.getByTestId("scenario-source").textContent()).toBeTruthy();

    // Hold the whole customer, with a reason.
    await page.getByTestId("hold-open").click();
    await page.getByTestId("hold-reason").fill(HOLD_REASON);
    await expectAccessible(page, "the hold form");
    await page.getByTestId("hold-submit").click();
    const hold = page.getByTestId("hold-row").filter({ hasText: HOLD_REASON });
    await hold.waitFor();
    expect(await hold.getAttribute("data-kind")).toBe("manual");
    expect(await hold.textContent()).toContain("Tout le client");
    await page.getByTestId("next-action-none").waitFor();
    await page.screenshot({ path: path.join(tmpdir(), "encours-e2e-dunning-hold.png"), fullPage: true });

    // Resume it: the hold is gone and a next action is planned again.
    await hold.getByTestId("hold-release").click();
    await hold.waitFor({ state: "detached" });
    await page.getByTestId("next-action-date").waitFor();
    await page.close();
  });
});
