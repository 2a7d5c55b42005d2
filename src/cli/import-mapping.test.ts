import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_TIMEOUT, runCli } from "../../test/helpers/cli";
import { makeCompany, makeCustomer } from "../../test/helpers/factories";
import { openDatabase } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { importMapping } from "../db/schema";

/** `encours import … --mapping NAME` on an embedded data directory holding two saved mappings. */
const root = mkdtempSync(path.join(tmpdir(), "encours-import-mapping-"));
const dataDir = path.join(root, "data");
const file = (name: string, content: string): string => {
  const target = path.join(root, name);
  writeFileSync(target, content);
  return target;
};

beforeAll(async () => {
  const handle = await openDatabase({ dataDir });
  try {
    await applyMigrations(handle.db);
    const companyId = (await makeCompany(handle.db, { code: "FR" })).id;
    await makeCustomer(handle.db, companyId, { externalRef: "C1", name: "Alpha SARL" });
    await handle.db.insert(importMapping).values([
      {
        companyId,
        kind: "invoices",
        name: "Sage",
        columns: {
          customer_ref: "Code client",
          number: "N° facture",
          issue_date: "Date",
          due_date: "Échéance",
          amount: "Montant TTC",
        },
        dateFormat: "DD/MM/YYYY",
        decimalSeparator: ",",
      },
      {
        companyId,
        kind: "bank",
        name: "Banque",
        columns: { booking_date: "Date opération", text: "Libellé", amount: "Montant" },
        dateFormat: "DD/MM/YYYY",
        decimalSeparator: ",",
        accountIban: "FR7630006000011234567890189",
      },
    ]);
  } finally {
    await handle.close();
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("encours import --mapping", { timeout: CLI_TIMEOUT }, () => {
  it("reads invoices and a bank export through saved mappings, and names the mappings it knows", async () => {
    const invoices = file(
      "factures.csv",
      "Code client;N° facture;Date;Échéance;Montant TTC\nC1;FA-2026-0001;05/01/2026;04/02/2026;1 200,50\n",
    );
    const imported = await runCli([
      "import",
      "invoices",
      invoices,
      "--mapping",
      "sage",
      "--json",
      "--data-dir",
      dataDir,
    ]);
    expect([imported.code, imported.stderr]).toEqual([0, ""]);
    expect(JSON.parse(imported.stdout)).toMatchObject({ kind: "invoices", status: "succeeded", created: 1 });

    const bank = file(
      "banque.csv",
      "Date opération;Libellé;Montant\n06/02/2026;VIR ALPHA SARL FA-2026-0001;1 200,50\n",
    );
    const statement = await runCli([
      "import",
      "bank",
      bank,
      "--mapping",
      "Banque",
      "--json",
      "--data-dir",
      dataDir,
    ]);
    expect([statement.code, statement.stderr]).toEqual([0, ""]);
    expect(JSON.parse(statement.stdout)).toMatchObject({
      kind: "bank",
      format: "csv",
      status: "succeeded",
      rows: 1,
      created: 1,
      match: { lines: 1, matched: 1 },
    });

    const unknown = await runCli([
      "import",
      "bank",
      bank,
      "--mapping",
      "Sage",
      "--json",
      "--data-dir",
      dataDir,
    ]);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout).errors).toEqual([
      { line: 0, column: "mapping", value: "Sage", message: "is not a saved bank mapping (saved: Banque)" },
    ]);
  });
});
