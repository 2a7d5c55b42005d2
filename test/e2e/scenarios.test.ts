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

const NEW_NAME = "Deuxième relance, ton ferme";

describe.runIf(shouldRunBrowserTests)("a credit manager edits a dunning scenario", () => {
  it("renames a step of Standard, saves it as version 2 with a comment, and finds version 1 in the history", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    await page.goto(`${server.url}/scenarios`);
    await page.getByTestId("login-email").fill("claire.martin@demo.encours.app");
    await page.getByTestId("login-password").fill("encours-demo");
    await page.getByTestId("login-submit").click();

    // The French company's shipped scenarios, in French, with the customers each covers.
    await page.getByTestId("scenarios-page").waitFor();
    const companies = await page.evaluate(async () => (await fetch("/api/companies")).json());
    const french = (companies.items as { id: number; country: string }[]).find((c) => c.country === "FR");
    await page.goto(`${server.url}/scenarios?companyId=${french?.id}`);
    const standard = page.getByTestId("scenario-row-standard");
    await standard.waitFor();
    expect(await page.getByTestId("scenario-row-key-accounts").textContent()).toContain("Grands comptes");
    await standard.getByRole("link").click();

    // The timeline of steps; edit D+7 in its drawer.
    await page.getByTestId("scenario-step-d+7").waitFor();
    await expectAccessible(page, "the scenario editor");
    expect(await page.getByTestId("scenario-version").textContent()).toContain("1");
    await page.getByTestId("step-edit-d+7").click();
    await page.getByTestId("step-name").fill(NEW_NAME);
    await page.getByTestId("step-apply").click();
    await page.getByTestId("scenario-dirty").waitFor();

    // Save: a comment for the history, then version 2.
    await page.getByTestId("scenario-save").click();
    await page.getByTestId("scenario-comment").fill("Ton plus ferme à J+7");
    await page.getByTestId("scenario-save-confirm").click();
    await page.getByTestId("scenario-version").filter({ hasText: "2" }).waitFor();
    expect(await page.getByTestId("scenario-step-d+7").textContent()).toContain(NEW_NAME);

    await page.getByTestId("tab-versions").click();
    await page.getByTestId("version-row-1").waitFor();
    expect(await page.getByTestId("version-row-2").textContent()).toContain("Ton plus ferme à J+7");
    await page.close();
  }, 90_000);
});
