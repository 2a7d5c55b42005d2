import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe.runIf(shouldRunBrowserTests)("a credit manager imports a file", () => {
  it("simulates, sees the counts, imports for real and finds the batch in the history", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    await page.goto(`${server.url}/imports`);
    await page.getByTestId("login-email").fill("claire.martin@demo.encours.app");
    await page.getByTestId("login-password").fill("encours-demo");
    await page.getByTestId("login-submit").click();

    await page.getByTestId("import-form").waitFor();
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
});
