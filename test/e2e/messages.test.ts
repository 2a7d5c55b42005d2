import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible } from "./axe";
import { launchChromium, shouldRunBrowserTests } from "./browser";
import { type DemoServer, startDemoServer } from "./server";

/**
 * Claire (credit manager) settles an interrupted delivery: an email the worker sent and never recorded (the
 * process died) shows as interrupted in Messages envoyés, and she records it as sent. The crash is simulated by
 * writing the row as a dead worker leaves it, which only PostgreSQL lets this test do (the embedded database is
 * the server process's own): the flow runs in CI's PostgreSQL pass.
 */
const runs = shouldRunBrowserTests && process.env.TEST_DATABASE_URL !== undefined;
let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  if (!runs) return;
  server = await startDemoServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** An email of the demo, back to `sending` with a claim two hours old: sent by a worker that died before recording it. */
async function interruptOneEmail(databaseUrl: string): Promise<{ id: number; recipient: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ id: string; recipient: string }>(`
      update outbox set status = 'sending', sent_at = null, claimed_at = now() - interval '2 hours'
      where id = (select id from outbox where status = 'sent' and channel = 'email' order by id limit 1)
      returning id, recipient`);
    const row = result.rows[0];
    if (!row) throw new Error("the demo has no sent email to interrupt");
    return { id: Number(row.id), recipient: row.recipient };
  } finally {
    await client.end();
  }
}

describe.runIf(runs)("an interrupted delivery", () => {
  it("shows in Messages envoyés, and a credit manager records it as sent", async () => {
    const interrupted = await interruptOneEmail(server.databaseUrl!);
    const page = await browser.newPage({ locale: "fr-FR" });
    await page.goto(`${server.url}/`);
    await page.getByTestId("login-email").fill("claire.martin@demo.encours.app");
    await page.getByTestId("login-password").fill("encours-demo");
    await page.getByTestId("login-submit").click();
    await page.waitForURL((url) => url.pathname !== "/login");

    await page.goto(`${server.url}/messages`);
    await page.getByTestId("messages-table").waitFor();
    const banner = page.getByTestId("interrupted-banner");
    await banner.waitFor();
    expect(await banner.textContent()).toContain("Envois interrompus en cours de route : 1.");
    await banner.getByRole("button", { name: "Les afficher" }).click();
    expect(await page.getByTestId("messages-status").inputValue()).toBe("Envoi interrompu");
    const rows = page.getByTestId("message-row");
    await rows.first().getByTestId("interrupted-badge").waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(interrupted.recipient);

    await rows.first().click();
    const alert = page.getByTestId("interrupted-delivery");
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`X-Encours-Outbox-Id: ${interrupted.id}`);
    await expectAccessible(page, "an interrupted delivery's drawer");
    await alert.getByLabel("Note (facultative)").fill("vu dans le journal SMTP");
    await alert.getByRole("button", { name: "Marquer comme envoyé" }).click();
    await page.getByText("Le message est enregistré comme envoyé.").waitFor();
    await page.getByTestId("message-drawer").getByText("Envoyé", { exact: true }).waitFor();
    expect(await page.getByTestId("interrupted-delivery").count()).toBe(0);
    expect(await page.getByTestId("message-drawer").textContent()).toContain(
      "Delivery interrupted; confirmed as sent by Claire Martin: vu dans le journal SMTP",
    );
    await page.close();
  });
});
