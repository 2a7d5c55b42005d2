import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible } from "./axe";
import { launchChromium, shouldRunBrowserTests } from "./browser";
import { type DemoServer, startDemoServer } from "./server";

/**
 * The collector's day on the demo data: Sophie logs a call with a promise and finds it on her agenda, opens a
 * dispute and sees the invoice held; Claire (credit manager) reassigns one of Sophie's customers to Julien; the
 * administrator adds a dispute reason and a department that Sophie then picks, and Sophie rejects a dispute
 * with a resolution note that the timeline shows. Accessibility: axe-core (WCAG 2 A/AA, serious and critical) on each screen and
 * dialog, Playwright's ARIA snapshot (every control named) and the keyboard (j moves the focus along the agenda).
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
    await page.getByTestId("agenda-item").first().waitFor();
    await expectAccessible(page, "the agenda");
    const customers = await (
      await page.request.get(`${server.url}/api/customers?overdueOnly=true&pageSize=1`)
    ).json();
    const customer = customers.items[0] as { id: number; name: string };

    await page.goto(`${server.url}/customers/${customer.id}?tab=followup`);
    await page.getByTestId("call-form").waitFor();
    await expectAccessible(page, "the customer file (follow-up tab)");
    await page.getByTestId("call-with-promise").check();
    await pickFirst(page, "promise-invoices");
    await page.getByTestId("promise-date").click();
    await page.locator("[data-today]:not([data-outside])").first().click();
    await page.getByTestId("call-with-dispute").check();
    await page.getByTestId("dispute-invoices").click();
    await page.getByRole("option").nth(1).click();
    await page.keyboard.press("Escape");
    await pickFirst(page, "dispute-reason");
    await expectAccessible(page, "the call form with a promise and a dispute");
    await page.getByTestId("call-submit").click();
    await page.getByText("Promesse de règlement").first().waitFor();

    await page.getByTestId("customer-dunning-tab").click();
    await page.locator('[data-testid="hold-row"][data-kind="dispute"]').first().waitFor();
    await expectAccessible(page, "the customer file (dunning tab)");

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
    await expectAccessible(page, "the snooze dialog", { include: "[role=dialog]" });
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
    await expectAccessible(page, "the reassign dialog", { include: "[role=dialog]" });
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

  it("lets the administrator add a dispute reason and a department that a collector then picks and rejects with a note", async () => {
    const admin = await browser.newPage({ locale: "fr-FR" });
    await signIn(admin, "admin@demo.encours.app");
    await admin.getByTestId("login-submit").waitFor({ state: "detached" });
    await admin.goto(`${server.url}/settings/dispute-reasons`);
    await admin.getByTestId("dispute-reason-row").first().waitFor();
    // Sophie's customers are the French company's: edit its catalogue.
    await admin.getByTestId("dispute-reasons-company").click();
    await admin.getByRole("option", { name: /^FR · / }).click();
    await expect.poll(() => admin.getByTestId("dispute-reasons-company").inputValue()).toMatch(/^FR · /);
    await admin.getByTestId("dispute-reason-new-code").waitFor();
    await expectAccessible(admin, "the dispute reasons page");
    await admin.getByTestId("dispute-reason-new-code").fill("Late delivery");
    await admin.getByTestId("dispute-reason-new-fr").fill("Livraison tardive");
    await admin.getByTestId("dispute-reason-new-en").fill("Late delivery");
    await admin.getByTestId("dispute-reason-add").click();
    // The code the API refused is named under its field, which takes the focus.
    await admin.getByText("lower-case letters, digits or _", { exact: false }).first().waitFor();
    await expect
      .poll(() => admin.evaluate(() => document.activeElement?.getAttribute("data-testid")))
      .toBe("dispute-reason-new-code");
    await admin.getByTestId("dispute-reason-new-code").fill("late_delivery");
    await admin.getByTestId("dispute-reason-add").click();
    const added = admin.locator('[data-testid="dispute-reason-row"][data-code="late_delivery"]');
    await added.waitFor();
    const priceLabel = admin
      .locator('[data-testid="dispute-reason-row"][data-code="price"]')
      .getByTestId("dispute-reason-label-fr");
    await priceLabel.fill("Prix contesté");
    await admin
      .locator('[data-testid="dispute-reason-row"][data-code="price"]')
      .getByTestId("dispute-reason-save")
      .click();
    await admin.getByText("Motifs de litige enregistrés").first().waitFor();

    await admin.getByTestId("nav-settings/departments").click();
    await admin.getByTestId("departments-page").waitFor();
    await admin.getByTestId("departments-company").click();
    await admin.getByRole("option", { name: /^FR · / }).click();
    await expect.poll(() => admin.getByTestId("departments-company").inputValue()).toMatch(/^FR · /);
    await admin.getByTestId("departments-table").waitFor();
    await expectAccessible(admin, "the departments page");
    await admin.getByTestId("department-new-name").fill("Logistique");
    await admin.getByTestId("department-new-email").fill("logistique-at-demo");
    await admin.getByTestId("department-add").click();
    // The address the API refused is named under its field, which takes the focus.
    await admin.getByText("must be an email address", { exact: false }).first().waitFor();
    await expect
      .poll(() => admin.evaluate(() => document.activeElement?.getAttribute("data-testid")))
      .toBe("department-new-email");
    await expectAccessible(admin, "the departments page with an error");
    await admin.getByTestId("department-new-email").fill("logistique@demo.encours.app");
    await admin.getByTestId("department-add").click();
    await admin.locator('[data-testid="department-row"][data-name="Logistique"]').waitFor();
    await expect
      .poll(() => admin.evaluate(() => document.activeElement?.getAttribute("data-testid")))
      .toBe("department-new-name");
    await admin.close();

    const page = await browser.newPage({ locale: "fr-FR" });
    await signIn(page, "sophie.bernard@demo.encours.app");
    await page.getByTestId("agenda-page").waitFor();
    const customers = await (
      await page.request.get(`${server.url}/api/customers?overdueOnly=true&pageSize=3`)
    ).json();
    const customer = customers.items[2] as { id: number };
    await page.goto(`${server.url}/customers/${customer.id}?tab=followup`);
    await page.getByTestId("dispute-open").click();
    const form = page.getByTestId("dispute-form");
    await form.waitFor();
    await form.getByTestId("dispute-invoices").click();
    await page.getByRole("option").first().click();
    await page.keyboard.press("Escape");
    await form.getByTestId("dispute-reason").click();
    await page.getByRole("option", { name: "Livraison tardive" }).waitFor();
    // The open list scrolls from the keyboard through the input (aria-activedescendant), which axe cannot see.
    await expectAccessible(page, "the dispute form with its reasons open", {
      disableRules: ["scrollable-region-focusable"],
    });
    await page.getByRole("option", { name: "Livraison tardive" }).click();
    await form.getByTestId("dispute-department").click();
    await page.getByRole("option", { name: /^Logistique · / }).click();
    await expectAccessible(page, "the dispute form");
    await form.getByTestId("dispute-submit").click();
    const row = page.getByTestId("disputes-card").getByText("Livraison tardive");
    await row.first().waitFor();
    await page.getByTestId("disputes-card").getByText("Service : Logistique").first().waitFor();

    await page.getByTestId("disputes-card").getByTestId("dispute-to-under_review").first().click();
    await page.getByTestId("disputes-card").getByTestId("dispute-to-rejected").first().click();
    await page.getByTestId("dispute-resolution").waitFor();
    await expectAccessible(page, "the dispute resolution popover", {
      include: "[data-testid=dispute-resolution-form]",
    });
    await page.getByTestId("dispute-resolution").fill("Livré à la date convenue, bon signé");
    await page.getByTestId("dispute-resolution-submit").click();
    await page.getByTestId("dispute-resolution").waitFor({ state: "detached" });

    await page.getByTestId("tab-timeline").click();
    const timeline = page.getByTestId("timeline");
    await timeline.getByText("Litige ouvert (livraison tardive)").first().waitFor();
    await timeline.getByText("Résolution : Livré à la date convenue, bon signé").first().waitFor();
    await expectAccessible(page, "the customer timeline");
    await page.goto(`${server.url}/disputes?status=rejected`);
    await page.getByTestId("disputes-page").waitFor();
    await page.getByText("Livraison tardive").first().waitFor();
    await expectAccessible(page, "the disputes page");
    await page.close();
  });
});
