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

const CUSTOMERS =
  "external_ref;name;segment\nNEW-1;Menuiserie Nouvelle SARL;smes\nNEW-2;Garage du Centre;smes\n";

const BANK_EXPORT =
  "Date opération;Date valeur;Libellé;Débit;Crédit\n02/11/2026;02/11/2026;VIR SEPA E2E PAYEUR;;1 250,00\n03/11/2026;03/11/2026;FRAIS BANCAIRES;12,50;\n";

describe.runIf(shouldRunBrowserTests)("a credit manager imports a file", () => {
  it("simulates, sees the counts, imports for real and finds the batch in the history", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    await page.goto(`${server.url}/imports`);
    await page.getByTestId("login-email").fill("claire.martin@demo.encours.app");
    await page.getByTestId("login-password").fill("encours-demo");
    await page.getByTestId("login-submit").click();

    await page.getByTestId("import-form").waitFor();
    await expectAccessible(page, "the imports page");
    await page.getByTestId("import-kind").click();
    await page.getByRole("option", { name: /^Clients/ }).click();
    await page.getByTestId("import-company").click();
    await page.getByRole("option", { name: /^FR ·/ }).click();
    await page.getByTestId("import-file-input").setInputFiles({
      name: "nouveaux-clients.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(CUSTOMERS),
    });

    await page.getByTestId("import-dry-run").click();
    const result = page.getByTestId("import-result");
    await result.waitFor();
    await page.getByTestId("import-count-created").getByText("2").waitFor();

    await page.getByTestId("import-submit").click();
    await page
      .getByTestId("import-history-row")
      .filter({ hasText: "nouveaux-clients.csv" })
      .first()
      .waitFor();
    expect(await page.getByTestId("import-history-row").count()).toBeGreaterThan(0);
    await page.close();
  });

  it("builds a bank mapping from a sample export, then imports the bank's CSV through it", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    await page.goto(`${server.url}/imports`);
    await page.getByTestId("login-email").fill("claire.martin@demo.encours.app");
    await page.getByTestId("login-password").fill("encours-demo");
    await page.getByTestId("login-submit").click();

    await page.getByTestId("import-form").waitFor();
    await page.getByTestId("import-kind").click();
    await page.getByRole("option", { name: /^Relevés bancaires/ }).click();
    await page.getByTestId("import-company").click();
    await page.getByRole("option", { name: /^FR ·/ }).click();
    await page.getByTestId("import-mapping-new").click();

    const editor = page.getByTestId("mapping-editor-body");
    await editor.waitFor();
    await page.getByTestId("mapping-name").fill("Export Banque E2E");
    const chooser = page.waitForEvent("filechooser");
    await page.getByTestId("mapping-sample").click();
    await (await chooser).setFiles({
      name: "banque.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(BANK_EXPORT),
    });
    // The usual French headers of a bank export are proposed, the label as the remittance text.
    await expect
      .poll(() => page.getByTestId("mapping-column-booking_date").inputValue())
      .toBe("Date opération");
    expect(await page.getByTestId("mapping-column-text").inputValue()).toBe("Libellé");
    expect(await page.getByTestId("mapping-column-debit").inputValue()).toBe("Débit");
    expect(await page.getByTestId("mapping-column-credit").inputValue()).toBe("Crédit");
    await page.getByTestId("mapping-date-format").click();
    await page.getByRole("option", { name: /^JJ\/MM\/AAAA/ }).click();
    await page.getByTestId("mapping-decimal-separator").click();
    await page.getByRole("option", { name: /^Virgule/ }).click();
    await page.getByTestId("mapping-read-preview").getByText("2026-11-02").first().waitFor();
    await page.getByTestId("mapping-read-preview").getByText("1250.00").waitFor();
    await expectAccessible(page, "the mapping editor", { include: "[role=dialog]" });
    await page.getByTestId("mapping-save").click();
    await editor.waitFor({ state: "detached" });
    expect(await page.getByTestId("import-mapping").inputValue()).toBe("Export Banque E2E");

    await page.getByTestId("import-file-input").setInputFiles({
      name: "banque.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(BANK_EXPORT),
    });
    await page.getByTestId("import-dry-run").click();
    await page.getByTestId("import-result").waitFor();
    await page.getByTestId("import-count-rows").getByText("2").waitFor();
    await page.close();
  });
});
