import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible } from "./axe";
import { launchChromium, shouldRunBrowserTests } from "./browser";
import { type DemoServer, startDemoServer } from "./server";

/**
 * Claire (credit manager) edits a template on the demo data: the formal notice's PDF preview on a real
 * customer, an unknown variable refused with its line and column, a fixed text saved as version 1 in the
 * history; the letters page answers for the day.
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
  await page.waitForURL((url) => url.pathname !== "/login");
}

async function previewOnFirstCustomer(page: Page): Promise<void> {
  await page.getByTestId("preview-customer").click();
  await page.getByRole("option").first().click();
  await page.getByTestId("preview-button").click();
  await page.getByTestId("preview-result").waitFor();
}

describe.runIf(shouldRunBrowserTests)("the template editor", () => {
  it("previews the formal notice as PDF, refuses an unknown variable, saves a version", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    await signIn(page, "claire.martin@demo.encours.app");

    await page.goto(`${server.url}/templates?channel=letter&language=fr&code=standard.formal-notice`);
    await page.getByTestId("template-text").waitFor();
    expect(await page.getByTestId("template-text").inputValue()).toContain("{{ invoice_table }}");
    await previewOnFirstCustomer(page);
    await page.locator('[data-testid="preview-result"] iframe').waitFor();
    await expectAccessible(page, "the template editor with a preview");

    await page.goto(`${server.url}/templates?channel=email&language=fr&code=standard.d%2B7`);
    const text = page.getByTestId("template-text");
    await text.waitFor();
    const original = await text.inputValue();
    await text.fill(`Bonjour {{ customer.nom }},\n${original}`);
    await page.getByTestId("template-save").click();
    const errors = page.getByTestId("template-errors");
    await errors.waitFor();
    expect(await errors.textContent()).toContain(
      "Texte — ligne 1, colonne 12 : variable inconnue customer.nom",
    );

    await text.fill(`Bonjour {{ contact.name }},\n${original}`);
    await page.getByTestId("template-save").click();
    await page.getByTestId("template-history").getByRole("cell", { name: "1", exact: true }).waitFor();
    await previewOnFirstCustomer(page);
    expect(await page.getByTestId("preview-text").textContent()).toMatch(/^Bonjour /);

    await page.goto(`${server.url}/letters`);
    await page.getByTestId("letters-table").waitFor();
    await page.close();
  });
});
