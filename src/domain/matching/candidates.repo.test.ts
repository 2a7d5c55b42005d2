import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeCustomer, makeInvoice } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import type { IsoDate } from "../../shared/dates";
import { buildContexts, loadKeyDirectory } from "./build-contexts";
import { numberKey, referenceKey, selectItemsByKeys, type TodoLine } from "./candidates.repo";
import { normalizeInvoiceNumber } from "./engine/references";

let handle: DatabaseHandle;
let companyId: number;

/** Numbers whose letters outside ASCII a locale-aware upper() would turn into A-Z (ı → I, ſ → S, ﬁ → FI). */
const NUMBERS = ["fa-2026-0001", "Fıa-7", "ſ-12", "ﬁ-9", "Ürün/2026/ß1", "N° 0042 É"];

beforeAll(async () => {
  handle = await openTestDatabase();
  companyId = (await makeCompany(handle.db, { code: "FR" })).id;
  const customer = await makeCustomer(handle.db, companyId, { externalRef: "C1" });
  for (const [i, number] of NUMBERS.entries())
    await makeInvoice(handle.db, customer, {
      number,
      paymentReference: `ref ${number}`,
      amountMinor: 1000 + i,
      dueDate: "2026-02-01",
    });
});
afterAll(async () => {
  await handle?.close();
});

describe("the database's number and reference keys", () => {
  it("are the engine's normal forms, whatever the database's locale", async () => {
    const keys = await handle.db.execute<{ number_key: string; reference_key: string }>(sql`
      select ${numberKey} as number_key, ${referenceKey} as reference_key from invoice i`);
    expect(keys.rows.map((k) => [k.number_key, k.reference_key]).sort()).toEqual(
      NUMBERS.map((n) => [normalizeInvoiceNumber(n), normalizeInvoiceNumber(`ref ${n}`)]).sort(),
    );
  });

  it("find each item by its payment reference as the engine normalizes it", async () => {
    const wanted = NUMBERS.map((n) => normalizeInvoiceNumber(`ref ${n}`));
    const found = await selectItemsByKeys(handle.db, companyId, wanted, "reference");
    expect(found.map((f) => f.key).sort()).toEqual([...wanted].sort());
  });

  it("find each item by the key the engine computes from the payer's text", async () => {
    const wanted = NUMBERS.map(normalizeInvoiceNumber);
    const found = await selectItemsByKeys(handle.db, companyId, wanted, "number");
    expect(found.map((f) => f.key).sort()).toEqual([...wanted].sort());
  });

  it("fill the key directory of large runs with the same keys, so both paths find the same items", async () => {
    const todo: TodoLine = {
      id: 1,
      booking_date: "2026-03-01" as IsoDate,
      amount_minor: 1001,
      currency: "EUR",
      counterparty_name: null,
      counterparty_iban: null,
      structured_reference: "REFFA20260001",
      remittance_text: "Paiement facture FA 2026 0001",
      payment_id: null,
      was_undone: false,
    };
    const names = { hits: new Map(), nameOf: new Map<number, string>() };
    const referenced = await handle.db.transaction(async (tx) => {
      const directory = await loadKeyDirectory(tx, companyId);
      // Letters outside ASCII are dropped, as the SQL keys drop them.
      expect(directory.numbers.get("FA7")).toHaveLength(1);
      expect(directory.references.get("REF12")).toHaveLength(1);
      const ids = async (d: typeof directory | null) =>
        (await buildContexts(tx, companyId, [todo], names, new Map(), d))[0]?.context.referenced
          .map((r) => `${r.via}:${r.item.number}`)
          .sort();
      return { probed: await ids(null), fromDirectory: await ids(directory) };
    });
    expect(referenced.probed).toEqual(["invoice_number:fa-2026-0001", "reference:fa-2026-0001"]);
    expect(referenced.fromDirectory).toEqual(referenced.probed);
  });
});
