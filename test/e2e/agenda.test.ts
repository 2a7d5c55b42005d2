import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, shouldRunBrowserTests } from "./browser";
import { type DemoServer, startDemoServer } from "./server";

/**
 * The collector's day on the demo data: Sophie logs a call with a promise and finds it on her agenda, opens a
 * dispute and sees the invoice held; Claire (credit manager) reassigns one of Sophie's customers to Julien.
 * axe-core is not installed: accessibility is checked with Playwright's ARIA snapshot (every control named)
 * and the keyboard (j moves the focus along the agenda).
 */
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

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill("encours-demo");
  await page.getByTestId("login-submit").click();
}

/** The first option of a Mantine select or multi-select. */
async function pickFirst(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole("option").first().click();
  await page.keyboard.press("Escape");
}

/** No button, checkbox or text box without an accessible name on the page. */
async function expectNamedControls(page: Page): Promise<void> {
  const snapshot = await page.locator("body").ariaSnapshot();
  expect(snapshot).not.toMatch(/- (button|checkbox|textbox|combobox)\s*(\[[^\]]*\])?\s*$/m);
}

describe.runIf(shouldRunBrowserTests)("the agenda", () => {
  it("shows the promise of a logged call, holds a disputed invoice, and is usable at the keyboard", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    await signIn(page, "sophie.bernard@demo.encours.app");
    await page.getByTestId("agenda-page").waitFor();
    expect(new URL(page.url()).pathname).toBe("/agenda");
    const customers = await (
      await page.request.get(`${server.url}/api/customers?overdueOnly=true&pageSize=1`)
    ).json();
    const customer = customers.items[0] as { id: number; name: string };

    await page.goto(`${server.url}/customers/${customer.id}?tab=followup`);
    await page.getByTestId("call-form").waitFor();
    await page.getByTestId("call-with-promise").check();
    await pickFirst(page, "promise-invoices");
    await page.getByTestId("promise-date").click();
    await page.locator("[data-today]:not([data-outside])").first().click();
    await page.getByTestId("call-with-dispute").check();
    await page.getByTestId("dispute-invoices").click();
    await page.getByRole("option").nth(1).click();
    await page.keyboard.press("Escape");
    await pickFirst(page, "dispute-reason");
    await page.getByTestId("call-submit").click();
    await page.getByText("Promesse de règlement").first().waitFor();

    await page.getByTestId("customer-dunning-tab").click();
    await page.locator('[data-testid="hold-row"][data-kind="dispute"]').first().waitFor();

    await page.goto(`${server.url}/agenda?kind=promise_due&window=today`);
    const item = page.getByTestId("agenda-item").filter({ hasText: customer.name });
    await item.first().waitFor();
    expect(await item.first().getByTestId("agenda-text").textContent()).toMatch(/^Promesse de .+ pour le /);
    await item.first().getByTestId("agenda-score").click();
    await page.getByTestId("agenda-score-explanation").getByText("Montant échu").waitFor();
    await page.keyboard.press("Escape");

    await page.goto(`${server.url}/agenda`);
    await page.getByTestId("agenda-item").nth(1).waitFor();
    await page.getByTestId("agenda-item").first().focus();
    await page.keyboard.press("j");
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-key"));
    expect(focused).toBe(await page.getByTestId("agenda-item").nth(1).getAttribute("data-key"));
    await page.screenshot({ path: path.join(tmpdir(), "encours-e2e-agenda.png"), fullPage: true });
    await page.keyboard.press("s");
    await page.getByTestId("snooze-reason").waitFor();
    await expectNamedControls(page);
    await page.keyboard.press("Escape");
    await expectNamedControls(page);
    await page.close();
  });

  it("lets a credit manager reassign a collector's customers", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    await signIn(page, "claire.martin@demo.encours.app");
    await page.getByTestId("login-submit").waitFor({ state: "detached" });
    const collectors = await (await page.request.get(`${server.url}/api/agenda/collectors`)).json();
    const sophie = collectors.items.find((c: { name: string }) => c.name === "Sophie Bernard");
    await page.goto(`${server.url}/agenda?collectorId=${sophie.id}&window=month`);
    const first = page.getByTestId("agenda-item").first();
    await first.waitFor();
    const customerName = ((await first.getByTestId("agenda-customer").textContent()) ?? "").trim();
    await first.getByTestId("agenda-check").check();
    await page.getByTestId("agenda-reassign").click();
    await page.getByTestId("reassign-collector").click();
    await page.getByRole("option", { name: "Julien Petit" }).click();
    await page.getByTestId("reassign-save").click();
    await page.getByText("1 client réassigné").waitFor();
    const agenda = await (
      await page.request.get(`${server.url}/api/agenda?collectorId=${sophie.id}&window=month`)
    ).json();
    const names = agenda.items.map(
      (i: { customer: { name: string; externalRef: string } }) => i.customer.name,
    );
    expect(names.some((name: string) => customerName.startsWith(name))).toBe(false);
    await page.close();
  });
});
