import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible } from "./axe";
import { launchChromium, shouldRunBrowserTests } from "./browser";
import { camt053Xml } from "./fixtures/camt053";
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

type Company = { id: number; code: string; iban: string | null; currency: string };
type Invoice = {
  id: number;
  number: string;
  amount: string;
  openAmount: string;
  currency: string;
  customer: { id: number; name: string };
};

/** A payer no demo customer resembles, so that its line can only be matched on the amount. */
const UNKNOWN_PAYER = "E2E PAYEUR INCONNU";

async function getJson<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(`${server.url}${url}`);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/**
 * Two demo invoices of the French company, read through the API (the demo is random): one paid with
 * its number in the remittance (matched automatically), one paid by an unknown payer with nothing but
 * its amount (left as a suggestion). The second's amount is unique among the open invoices, so the
 * suggestion points at it alone.
 */
async function pickInvoices(page: Page): Promise<{ company: Company; named: Invoice; amountOnly: Invoice }> {
  const companies = await getJson<{ items: Company[] }>(page, "/api/companies");
  const company = companies.items.find((item) => item.code === "FR");
  if (!company) throw new Error("the demo has no FR company");
  const open = await getJson<{ items: Invoice[] }>(
    page,
    `/api/invoices?companyId=${company.id}&status=open&type=invoice&sort=dueDate&order=asc&pageSize=200`,
  );
  const untouched = open.items.filter((item) => item.openAmount === item.amount && item.currency === "EUR");
  const named = untouched[0];
  const counts = new Map<string, number>();
  for (const item of open.items) counts.set(item.openAmount, (counts.get(item.openAmount) ?? 0) + 1);
  const amountOnly = untouched.find(
    (item) => item.customer.id !== named?.customer.id && counts.get(item.openAmount) === 1,
  );
  if (!named || !amountOnly) throw new Error("the demo has too few open invoices to build a statement");
  return { company, named, amountOnly };
}

describe.runIf(shouldRunBrowserTests)("a credit manager matches a bank statement", () => {
  it("uploads a camt.053, sees a line matched automatically, accepts a suggestion by keyboard and undoes it", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    await page.goto(`${server.url}/matching`);
    await page.getByTestId("login-email").fill("claire.martin@demo.encours.app");
    await page.getByTestId("login-password").fill("encours-demo");
    await page.getByTestId("login-submit").click();
    await page.getByTestId("matching-page").waitFor();

    const { company, named, amountOnly } = await pickInvoices(page);
    const today = new Date().toISOString().slice(0, 10);
    const xml = camt053Xml({
      id: `E2E-${Date.now()}`,
      accountIban: company.iban ?? "FR7630004008250001234567890",
      currency: "EUR",
      createdAt: `${today}T08:00:00+01:00`,
      entries: [
        {
          amount: named.openAmount,
          bookingDate: today,
          payerName: named.customer.name,
          remittance: `Reglement facture ${named.number}`,
          bankReference: "E2E-0001",
        },
        {
          amount: amountOnly.openAmount,
          bookingDate: today,
          payerName: UNKNOWN_PAYER,
          bankReference: "E2E-0002",
        },
      ],
    });

    // Upload through the drop zone's file input; the lines are matched right after the import.
    await page.getByTestId("upload-open").click();
    await page.getByTestId("upload-company").click();
    await page.getByRole("option", { name: /^FR ·/ }).click();
    await page.getByTestId("statement-file-input").setInputFiles({
      name: "releve-camt053.xml",
      mimeType: "application/xml",
      buffer: Buffer.from(xml),
    });
    await page.getByTestId("upload-submit").click();
    await page.locator('[data-testid="upload-result"], [data-testid="upload-error"]').first().waitFor();
    const uploadError = page.getByTestId("upload-error");
    if (await uploadError.isVisible()) {
      throw new Error(`upload refused: ${await uploadError.textContent()}\n${server.output().slice(-3000)}`);
    }
    const result = page.getByTestId("upload-result");
    expect(await result.getAttribute("data-errors")).toBe("0");
    expect(await page.getByTestId("upload-count-created").textContent()).toContain("2");
    expect(
      Number(await page.getByTestId("run-count-matched").getAttribute("data-count")),
    ).toBeGreaterThanOrEqual(1);
    expect(
      Number(await page.getByTestId("run-count-suggested").getAttribute("data-count")),
    ).toBeGreaterThanOrEqual(1);
    await page.keyboard.press("Escape");
    await page.getByTestId("statement-upload").waitFor({ state: "hidden" });

    // The line that named its invoice was matched automatically.
    await page.goto(`${server.url}/matching?status=matched&q=${encodeURIComponent(named.number)}`);
    const matchedDetail = page.locator('[data-testid="line-detail"][data-status="matched"]');
    await matchedDetail.waitFor();
    const autoMatch = matchedDetail.getByTestId("applied-match");
    expect(await autoMatch.getByTestId("applied-by").textContent()).toContain("automatiquement");
    expect(await autoMatch.getByTestId("allocations").textContent()).toContain(named.number);

    // The unknown payer's line waits as a suggestion: accept its best candidate with the keyboard.
    await page.goto(`${server.url}/matching?q=${encodeURIComponent(UNKNOWN_PAYER)}`);
    const line = page.locator('[data-testid="bank-line"][data-selected="true"]');
    await line.waitFor();
    expect(await line.getAttribute("data-status")).toBe("suggested");
    const detail = page.locator('[data-testid="line-detail"][data-status="suggested"]');
    await detail.waitFor();
    await expectAccessible(page, "the matching workspace with a suggestion");
    const best = detail.getByTestId("proposal").first();
    expect(await best.getByTestId("allocations").textContent()).toContain(amountOnly.number);
    expect(await best.getByTestId("reasons").textContent()).toMatch(/montant/i);
    await page.screenshot({ path: path.join(tmpdir(), "encours-e2e-matching.png"), fullPage: true });

    await page.getByTestId("shortcuts-open").click();
    await page.getByTestId("shortcuts").waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("shortcuts").waitFor({ state: "hidden" });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("j");
    await page.keyboard.press("a");
    const accepted = page.locator('[data-testid="line-detail"][data-status="matched"]');
    await accepted.waitFor();
    expect(await accepted.getByTestId("applied-by").textContent()).toContain("Claire Martin");

    // Undo it with u, a confirmation and a reason: the invoice is open again, the line back to work.
    await page.keyboard.press("u");
    await page.getByTestId("undo-dialog-reason").fill("Payeur non confirmé par le client");
    await page.getByTestId("undo-dialog-confirm").click();
    await page
      .locator('[data-testid="line-detail"]:is([data-status="suggested"], [data-status="unmatched"])')
      .waitFor();
    await page.locator('[data-testid="applied-match"][data-undone="true"]').waitFor();
    const reopened = await getJson<{ items: Invoice[] }>(
      page,
      `/api/invoices?companyId=${company.id}&status=open&q=${encodeURIComponent(amountOnly.number)}`,
    );
    expect(reopened.items.find((item) => item.id === amountOnly.id)?.openAmount).toBe(amountOnly.openAmount);
    await page.close();
  });
});
