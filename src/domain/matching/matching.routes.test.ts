import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Session, signIn } from "../../../test/helpers/app";
import { camt053 } from "../../../test/helpers/camt";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeCustomer, makeInvoice, makeUser } from "../../../test/helpers/factories";
import { multipart } from "../../../test/helpers/multipart";
import type { DatabaseHandle } from "../../db/client";
import type { App } from "../context";
import type { BankImportResult, BankLineDetail, BankLinePage } from "./matching.schemas";

let handle: DatabaseHandle;
let app: App;
let manager: Session;
let viewer: Session;
let companyId: number;
const ACCOUNT = "FR7630006000011234567890189";
const ALPHA_IBAN = "FR7610107001011234567890129";

const FIRST_STATEMENT = camt053({
  id: "STMT-1",
  iban: ACCOUNT,
  entries: [
    {
      amount: "1200.00",
      date: "2026-06-02",
      name: "ALPHA INDUSTRIES",
      iban: ALPHA_IBAN,
      text: "FACT FA 2026 0101",
    },
    { amount: "99.90", date: "2026-06-03", name: "BOULANGERIE BETA", text: "VIREMENT" },
    { amount: "12.34", date: "2026-06-03", name: "Quelqu'un d'autre", text: "CADEAU" },
    {
      amount: "25.00",
      date: "2026-06-04",
      side: "DBIT",
      name: "Banque",
      text: "FRAIS DE TENUE DE COMPTE",
    },
  ],
});

const headers = (s: Session) => ({ cookie: s.cookie, "x-csrf-token": s.csrfToken });

async function upload(content: string, name = "releve.xml") {
  const body = multipart({ companyId: String(companyId) }, [{ name, content }]);
  return app.inject({
    method: "POST",
    url: "/api/bank-statements",
    headers: { ...body.headers, ...headers(manager) },
    payload: body.payload,
  });
}

async function lineWith(text: string): Promise<BankLineDetail> {
  const page = (
    await app.inject({
      method: "GET",
      url: `/api/bank-lines?status=all&q=${encodeURIComponent(text)}`,
      headers: headers(manager),
    })
  ).json<BankLinePage>();
  const id = page.items[0]?.id;
  if (!id) throw new Error(`no line with ${text}`);
  return (
    await app.inject({ method: "GET", url: `/api/bank-lines/${id}`, headers: headers(manager) })
  ).json<BankLineDetail>();
}

const invoiceState = async (number: string) =>
  (
    await handle.db.execute<{ status: string; open: string }>(sql`
      select status, (open_amount_minor / 100.0)::numeric(12,2)::text as open from invoice where number = ${number}`)
  ).rows[0];

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildTestApp(handle);
  companyId = (await makeCompany(handle.db, { code: "FR" })).id;
  manager = await signIn(app, (await makeUser(handle.db, "credit_manager")).email);
  viewer = await signIn(app, (await makeUser(handle.db, "viewer")).email);
  const alpha = await makeCustomer(handle.db, companyId, {
    externalRef: "ALPHA",
    name: "Alpha Industries SAS",
  });
  const beta = await makeCustomer(handle.db, companyId, {
    externalRef: "BETA",
    name: "Boulangerie Beta SARL",
  });
  const invoices: [typeof alpha, string, number][] = [
    [alpha, "FA-2026-0101", 120000],
    [alpha, "FA-2026-0102", 45050],
    [alpha, "FA-2026-0103", 30000],
    [beta, "FA-2026-0201", 9990],
    [beta, "FA-2026-0202", 9990],
  ];
  for (const [owner, number, amountMinor] of invoices) {
    await makeInvoice(handle.db, owner, {
      number,
      amountMinor,
      dueDate: "2026-05-31",
      issueDate: "2026-04-30",
    });
  }
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe("bank statements in, open items settled", () => {
  it("imports a camt.053, matches what it can and suggests the rest", async () => {
    const file = FIRST_STATEMENT;
    const response = await upload(file);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<BankImportResult>();
    expect(result).toMatchObject({
      kind: "bank",
      format: "camt",
      statements: 1,
      rows: 4,
      created: 4,
      unchanged: 0,
      errors: [],
    });
    expect(result.match).toMatchObject({ matched: 1, suggested: 1, unmatched: 1 });
    expect(await invoiceState("FA-2026-0101")).toEqual({ status: "paid", open: "0.00" });

    const paid = await lineWith("FA 2026 0101");
    expect(paid.status).toBe("matched");
    expect(paid.customer?.externalRef).toBe("ALPHA");
    expect(paid.matches[0]).toMatchObject({
      appliedBy: null,
      undoneAt: null,
      allocations: [{ number: "FA-2026-0101", amount: "1200.00" }],
    });

    // Two invoices of the same amount and no other clue: a person chooses.
    const ambiguous = await lineWith("VIREMENT");
    expect(ambiguous.status).toBe("suggested");
    expect(ambiguous.proposals.length).toBeGreaterThanOrEqual(2);

    const fees = await lineWith("FRAIS");
    expect(fees.status).toBe("ignored");
  });

  it("adds nothing when the same statement comes again", async () => {
    const file = FIRST_STATEMENT;
    const result = (await upload(file)).json<BankImportResult>();
    expect(result).toMatchObject({ rows: 4, created: 0, unchanged: 4, statements: 0 });
  });

  it("refuses a broken file with its line and writes nothing", async () => {
    const before = await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from bank_line`);
    const broken = camt053({
      id: "BAD",
      iban: ACCOUNT,
      entries: [{ amount: "12,3.4", date: "2026-06-05", text: "X" }],
    });
    const response = await upload(broken, "broken.xml");
    expect(response.statusCode).toBe(422);
    const result = response.json<BankImportResult>();
    expect(result.errors[0]?.message).toBeTruthy();
    expect(result.errors[0]?.line).toBeGreaterThan(0);
    const after = await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from bank_line`);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it("accepts a suggestion, then undoes it with the items owed again", async () => {
    const line = await lineWith("VIREMENT");
    const accepted = await app.inject({
      method: "POST",
      url: `/api/bank-lines/${line.id}/accept`,
      headers: headers(manager),
      payload: { rank: 0 },
    });
    expect(accepted.statusCode).toBe(200);
    const detail = accepted.json<BankLineDetail>();
    expect(detail.status).toBe("matched");
    const number = detail.matches[0]?.allocations[0]?.number ?? "";
    expect(await invoiceState(number)).toEqual({ status: "paid", open: "0.00" });

    const undone = await app.inject({
      method: "POST",
      url: `/api/matches/${detail.matches[0]?.id}/undo`,
      headers: headers(manager),
      payload: { reason: "wrong invoice" },
    });
    expect(undone.statusCode).toBe(200);
    const after = undone.json<BankLineDetail>();
    expect(after.status).toBe("suggested");
    expect(after.matches[0]?.undoneAt).not.toBeNull();
    expect(await invoiceState(number)).toEqual({ status: "open", open: "99.90" });
    const timeline = await handle.db.execute<{ type: string }>(sql`
      select type from activity where type in ('payment_matched', 'payment_unmatched') order by id`);
    expect(timeline.rows.map((r) => r.type)).toContain("payment_unmatched");
    const unmatched = await handle.db.execute<{ data: Record<string, unknown> }>(sql`
      select data from activity where type = 'payment_unmatched' order by id desc limit 1`);
    expect(unmatched.rows[0]?.data).toMatchObject({
      cause: "undone",
      reason: "wrong invoice",
      reopened: [number],
      amount: "99.90",
      currency: "EUR",
      returnCode: null,
    });
  });

  it("matches by hand over two invoices with a small write-off, and names every problem", async () => {
    const line = await lineWith("CADEAU");
    const alpha = (
      await handle.db.execute<{ id: number }>(
        sql`select id::float8 as id from customer where external_ref = 'ALPHA'`,
      )
    ).rows[0];
    const invoices = await handle.db.execute<{ id: number; number: string }>(sql`
      select id::float8 as id, number from invoice where number in ('FA-2026-0102', 'FA-2026-0103') order by number`);
    const [i102, i103] = invoices.rows;
    const tooMuch = await app.inject({
      method: "POST",
      url: `/api/bank-lines/${line.id}/match`,
      headers: headers(manager),
      payload: {
        customerId: alpha?.id,
        allocations: [{ invoiceId: i102?.id, amount: "450.50" }],
        writeOff: null,
      },
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(JSON.stringify(tooMuch.json())).toContain("at most the payment");

    const split = await app.inject({
      method: "POST",
      url: `/api/bank-lines/${line.id}/match`,
      headers: headers(manager),
      payload: {
        customerId: alpha?.id,
        allocations: [
          { invoiceId: i102?.id, amount: "10.00" },
          { invoiceId: i103?.id, amount: "2.34" },
        ],
        writeOff: null,
      },
    });
    expect(split.statusCode).toBe(200);
    expect(await invoiceState("FA-2026-0102")).toEqual({ status: "open", open: "440.50" });
    expect(await invoiceState("FA-2026-0103")).toEqual({ status: "open", open: "297.66" });
    const summary = await handle.db.execute<{ summary: string; data: Record<string, unknown> }>(sql`
      select summary, data from activity where type = 'payment_matched' order by id desc limit 1`);
    expect(summary.rows[0]?.summary).toBe("Bank payment of 12.34 EUR matched to FA-2026-0102, FA-2026-0103");
    expect(summary.rows[0]?.data).toMatchObject({
      amount: "12.34",
      currency: "EUR",
      invoiceNumbers: ["FA-2026-0102", "FA-2026-0103"],
      rule: "manual",
      automatic: false,
    });
    const learned = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from customer_bank_account`,
    );
    expect(learned.rows[0]?.n).toBeGreaterThanOrEqual(1);
  });

  it("reopens what a returned direct debit had paid", async () => {
    const file = camt053({
      id: "STMT-2",
      iban: ACCOUNT,
      entries: [
        {
          amount: "440.50",
          date: "2026-06-10",
          name: "ALPHA INDUSTRIES",
          iban: ALPHA_IBAN,
          text: "PRLV FA-2026-0102",
          endToEndId: "E2E-0102",
        },
      ],
    });
    const first = (await upload(file, "prlv.xml")).json<BankImportResult>();
    expect(first.match?.matched).toBe(1);
    expect(await invoiceState("FA-2026-0102")).toEqual({ status: "paid", open: "0.00" });
    const back = camt053({
      id: "STMT-3",
      iban: ACCOUNT,
      entries: [
        {
          amount: "440.50",
          side: "DBIT",
          date: "2026-06-15",
          name: "ALPHA INDUSTRIES",
          iban: ALPHA_IBAN,
          endToEndId: "E2E-0102",
          returnReason: "AC06",
        },
      ],
    });
    const result = (await upload(back, "retour.xml")).json<BankImportResult>();
    expect(result.match?.returned).toBe(1);
    expect(await invoiceState("FA-2026-0102")).toEqual({ status: "open", open: "440.50" });
    const returned = await handle.db.execute<{ data: Record<string, unknown> }>(sql`
      select data from activity where type = 'payment_unmatched' order by id desc limit 1`);
    expect(returned.rows[0]?.data).toMatchObject({
      cause: "returned",
      returnCode: "AC06",
      reopened: ["FA-2026-0102"],
      amount: "440.50",
      currency: "EUR",
    });
    const balance = await handle.db.execute<{ unapplied: string }>(sql`
      select (sum(unapplied_minor) / 100.0)::numeric(12,2)::text as unapplied from payment p
      join customer c on c.id = p.customer_id where c.external_ref = 'ALPHA'`);
    expect(balance.rows[0]?.unapplied).toBe("0.00");
  });

  it("lets a viewer read but not match", async () => {
    expect(
      (await app.inject({ method: "GET", url: "/api/bank-lines", headers: headers(viewer) })).statusCode,
    ).toBe(200);
    const run = await app.inject({
      method: "POST",
      url: "/api/matching/run",
      headers: headers(viewer),
      payload: {},
    });
    expect(run.statusCode).toBe(403);
  });

  it("keeps the settings per company", async () => {
    const saved = await app.inject({
      method: "PUT",
      url: `/api/companies/${companyId}/matching-settings`,
      headers: headers(manager),
      payload: { autoThreshold: 95, writeOffTolerance: "2.5" },
    });
    expect(saved.json()).toEqual({ autoThreshold: 95, writeOffTolerance: "2.50" });
  });
});
