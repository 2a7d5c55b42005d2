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

describe.runIf(shouldRunBrowserTests)("a credit manager's first visit", () => {
  it("prints the URL and the demo login at start", () => {
    expect(server.output()).toContain("Encours is running on");
    expect(server.output()).toContain("Demo login: claire.martin@demo.encours.app / encours-demo");
  });

  it("signs in, finds the most overdue customer and opens their page", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    await page.goto(`${server.url}/customers`);
    await page.getByTestId("login-email").fill("claire.martin@demo.encours.app");
    await page.getByTestId("login-password").fill("encours-demo");
    await page.getByTestId("login-submit").click();

    const rows = page.getByTestId("customer-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(10);
    const firstName = ((await rows.first().getByTestId("customer-name").textContent()) ?? "").trim();
    await expectAccessible(page, "the customers list");

    await rows.first().click();
    const header = page.getByTestId("customer-header");
    await header.waitFor();
    expect(await header.textContent()).toContain(firstName);
    await page.getByTestId("open-items").waitFor();
    expect(await page.getByTestId("open-items").locator("tbody tr").count()).toBeGreaterThan(0);
    await expectAccessible(page, "the customer file (open items)");
    await page.getByTestId("tab-contacts").click();
    await page.getByRole("link", { name: /@/ }).first().waitFor();
    await expectAccessible(page, "the customer's contacts");
    await page.getByTestId("tab-timeline").click();
    await page.getByTestId("timeline").waitFor();
    await page
      .getByTestId("timeline")
      .getByText(/Paiement|Import/)
      .first()
      .waitFor();
    await expectAccessible(page, "the customer's timeline");
    await page.screenshot({ path: path.join(tmpdir(), "encours-e2e-customer.png"), fullPage: true });
    await page.close();
  });
});
