import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany } from "../../../test/helpers/factories";
import { importCsv } from "../../../test/helpers/imports";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import type { AppContext } from "../context";

let handle: DatabaseHandle;
let ctx: AppContext;
let run = 0;

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = { db: handle.db, clock: fixedClock("2026-03-31") };
});
afterAll(async () => handle?.close());

/** What a collector or an ERP extract does, in any order. */
type Step =
  | { kind: "importCustomers"; names: string[] }
  | { kind: "importInvoices"; invoices: { n: number; open: number }[]; snapshot: boolean }
  | { kind: "note"; customer: number }
  | { kind: "rename"; customer: number }
  | { kind: "contact"; customer: number };

const CUSTOMERS = 3;
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("importCustomers" as const),
    names: fc.array(fc.constantFrom("Alpha", "Bravo", "ALPHA SARL"), {
      minLength: CUSTOMERS,
      maxLength: CUSTOMERS,
    }),
  }),
  fc.record({
    kind: fc.constant("importInvoices" as const),
    invoices: fc.uniqueArray(
      fc.record({ n: fc.integer({ min: 1, max: 8 }), open: fc.integer({ min: 0, max: 1000 }) }),
      { selector: (i) => i.n, maxLength: 8 },
    ),
    snapshot: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("note" as const), customer: fc.integer({ min: 0, max: CUSTOMERS - 1 }) }),
  fc.record({ kind: fc.constant("rename" as const), customer: fc.integer({ min: 0, max: CUSTOMERS - 1 }) }),
  fc.record({ kind: fc.constant("contact" as const), customer: fc.integer({ min: 0, max: CUSTOMERS - 1 }) }),
);

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return (await handle.db.execute<Record<string, unknown>>(query)).rows as T[];
}

describe("whatever the sequence of imports and edits", () => {
  it("keeps every note, every local edit and every contact made in Encours, and deletes no invoice", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        run++;
        const company = await makeCompany(handle.db, { code: `P${run}` });
        const refs = Array.from({ length: CUSTOMERS }, (_, i) => `P${run}-C${i}`);
        await importCsv(
          ctx,
          "customers",
          `external_ref;name\n${refs.map((r) => `${r};Client ${r}`).join("\n")}\n`,
          { company: company.code },
        );
        const expected = {
          notes: 0,
          contacts: 0,
          renamed: new Map<string, string>(),
          invoices: new Set<string>(),
        };
        for (const s of steps) {
          const ref = refs[("customer" in s ? s.customer : 0) % CUSTOMERS]!;
          const id = sql`(select id from customer where company_id = ${company.id} and external_ref = ${ref})`;
          if (s.kind === "importCustomers") {
            const body = refs.map((r, i) => `${r};${s.names[i]} ${r}`).join("\n");
            await importCsv(ctx, "customers", `external_ref;name\n${body}\n`, { company: company.code });
          } else if (s.kind === "importInvoices") {
            if (s.snapshot && s.invoices.length === 0) continue;
            const lines = s.invoices.map(
              (i) => `${refs[i.n % CUSTOMERS]},P${run}-F${i.n},2026-01-01,2026-01-31,1000,${i.open}`,
            );
            const header = "customer_ref,number,issue_date,due_date,amount,open_amount";
            const report = await importCsv(ctx, "invoices", `${header}\n${lines.join("\n")}\n`, {
              company: company.code,
              snapshot: s.snapshot,
            });
            if (s.invoices.length > 0) expect(report.status).not.toBe("failed");
            for (const i of s.invoices) expected.invoices.add(`P${run}-F${i.n}`);
          } else if (s.kind === "note") {
            await handle.db.execute(sql`insert into note (customer_id, body) values (${id}, 'note')`);
            expected.notes++;
          } else if (s.kind === "rename") {
            const name = `Renommé ${expected.renamed.size} ${ref}`;
            await handle.db.execute(
              sql`update customer set name = ${name}, locally_edited = array['name'] where id = ${id}`,
            );
            expected.renamed.set(ref, name);
          } else {
            await handle.db.execute(
              sql`insert into contact (customer_id, name) values (${id}, 'Ajouté à la main')`,
            );
            expected.contacts++;
          }
        }
        const counts = await rows<{ notes: number; contacts: number; invoices: number }>(sql`
          select (select count(*)::int from note n join customer c on c.id = n.customer_id where c.company_id = ${company.id}) as notes,
            (select count(*)::int from contact k join customer c on c.id = k.customer_id where c.company_id = ${company.id} and k.external_ref is null) as contacts,
            (select count(*)::int from invoice where company_id = ${company.id}) as invoices`);
        expect(counts[0]).toEqual({
          notes: expected.notes,
          contacts: expected.contacts,
          invoices: expected.invoices.size,
        });
        for (const [ref, name] of expected.renamed) {
          expect(
            await rows(
              sql`select name from customer where company_id = ${company.id} and external_ref = ${ref}`,
            ),
          ).toEqual([{ name }]);
        }
      }),
      { numRuns: 15 },
    );
  });
});
