import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../src/db/client";
import { applyMigrations } from "../src/db/migrate";
import { arrayParam } from "../src/db/sql-arrays";
import { FRENCH } from "../src/demo/demo-vocabulary";
import { createRandom, type Random } from "../src/demo/random";
import { makeRf } from "../src/domain/matching/engine/references";
import { runMatching } from "../src/domain/matching/run-matching";
import { fixedClock } from "../src/shared/clock";
import { openBenchTarget } from "./bench-database";
import type { BenchArgs } from "./main";
import { startRssSampler } from "./rss-sampler";

const DATABASE = "encours_bench_matching";
const TODAY = "2026-06-30";
const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ro",
  "te",
  "va",
  "su",
  "ni",
  "po",
  "de",
  "ba",
  "lu",
  "ze",
  "fi",
  "go",
  "ra",
];
const FORMS = ["SAS", "SARL", "SA", "EURL", "SASU", ""];

type Item = {
  id: number;
  customerId: number;
  number: string;
  amount: number;
  ref: string | null;
  name: string;
};
type Truth = { customerId: number; invoiceIds: number[]; kind: string };
type Line = {
  amount: number;
  name: string | null;
  iban: string | null;
  structured: string | null;
  text: string | null;
  truth: Truth | null;
};

/**
 * `npm run bench -- matching [--size OPEN_ITEMS] [--customers N] [--embedded]`: a ledger of open items
 * (1,000,000 by default), one bank line for every ten items, written like payers write them (grouped
 * and partial payments, mangled numbers, references, bank fees, payers using another company's name,
 * duplicates, wrong amounts, strangers), the truth kept aside; then one matching run, timed, and the
 * auto-match rate and the precision of the applied matches measured against the truth.
 */
export async function runMatchingBench(args: BenchArgs): Promise<void> {
  const items = args.size ?? (args.embedded ? 100_000 : 1_000_000);
  const customers = args.customers ?? Math.max(10, Math.round(items / 10));
  const lines = Math.max(10, Math.round(items / 10));
  const rss = startRssSampler();
  const { handle, dispose } = await openBenchTarget(DATABASE, args.embedded);
  let result: Record<string, unknown>;
  try {
    await applyMigrations(handle.db);
    console.log(
      `matching: ${items} open items, ${customers} customers, ${lines} bank lines (${handle.mode})`,
    );
    const loadStarted = performance.now();
    const companyId = await generateLedger(handle, items, customers);
    const sample = await sampleItems(handle, companyId, Math.min(items, lines * 4));
    const truths = await generateLines(handle, companyId, sample, lines);
    console.log(`matching: data generated in ${seconds(loadStarted)} s`);
    const started = performance.now();
    const run = await runMatching({ db: handle.db, clock: fixedClock(`${TODAY}T20:00:00Z`) }, { companyId });
    const runSeconds = seconds(started);
    console.log(`matching: run ${runSeconds} s: ${JSON.stringify(run)}`);
    const quality = await measure(handle, companyId, truths);
    result = {
      bench: "matching",
      openItems: items,
      bankLines: lines,
      database: handle.mode === "embedded" ? "embedded" : "postgres",
      seconds: runSeconds,
      ...run,
      autoRate: quality.autoRate,
      precision: quality.precision,
      applied: quality.applied,
      wrong: quality.wrong,
      peakRssMb: rss.stop(),
    };
  } finally {
    rss.stop();
    await dispose();
  }
  console.log(JSON.stringify(result));
}

function seconds(started: number): number {
  return Number(((performance.now() - started) / 1000).toFixed(3));
}

function word(n: number): string {
  let text = "";
  let x = n;
  for (let i = 0; i < 3; i++) {
    text += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length);
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function generateLedger(handle: DatabaseHandle, items: number, customers: number): Promise<number> {
  const db = handle.db;
  const company = await db.execute<{ id: number }>(sql`
    insert into company (code, name, country, currency, time_zone, default_language)
    values ('BENCH', 'Bench SAS', 'FR', 'EUR', 'Europe/Paris', 'fr') returning id`);
  const companyId = Number(company.rows[0]?.id);
  const names: string[] = [];
  for (let g = 1; g <= customers; g++) {
    const last = FRENCH.lastNames[g % FRENCH.lastNames.length] ?? "Martin";
    const trade = FRENCH.trades[Math.floor(g / 7) % FRENCH.trades.length] ?? "Boulangerie";
    names.push(`${trade} ${last} ${word(g)} ${FORMS[g % FORMS.length]}`.trim());
  }
  for (let from = 0; from < customers; from += 20_000) {
    const chunk = names.slice(from, from + 20_000);
    await db.execute(sql`
      insert into customer (company_id, external_ref, name, currency)
      select ${companyId}, 'C' || lpad((${from}::int + n)::text, 7, '0'), name, 'EUR'
      from unnest(${arrayParam(chunk)}::text[]) with ordinality as u(name, n)`);
  }
  const first = await db.execute<{ id: number }>(
    sql`select min(id)::float8 as id from customer where company_id = ${companyId}`,
  );
  const base = Number(first.rows[0]?.id);
  // Six customers in ten have paid before from a known IBAN.
  await db.execute(sql`
    insert into customer_bank_account (company_id, customer_id, iban, source)
    select ${companyId}, id, 'FR76' || lpad(id::text, 23, '0'), 'import' from customer
    where company_id = ${companyId} and id % 10 < 6`);
  for (let from = 1; from <= items; from += 250_000) {
    const to = Math.min(items, from + 250_000 - 1);
    await db.execute(sql`
      insert into invoice (company_id, customer_id, external_ref, number, type, issue_date, due_date, amount_minor,
        open_amount_minor, currency)
      select ${companyId}, ${base}::bigint + (g % ${customers}::int), 'I' || g, 'FA-2026-' || lpad(g::text, 7, '0'),
        'invoice', ${TODAY}::date - 30 - (g % 120), ${TODAY}::date - (g % 120),
        5000 + abs(hashtext('amount' || g)) % 2000000, 5000 + abs(hashtext('amount' || g)) % 2000000, 'EUR'
      from generate_series(${from}::int, ${to}::int) g`);
  }
  // One invoice in five carries an RF creditor reference built on its number.
  const refs = await db.execute<{ id: number; number: string }>(sql`
    select id::float8 as id, number from invoice where company_id = ${companyId} and id % 5 = 0`);
  const ids = refs.rows.map((r) => Number(r.id));
  const values = refs.rows.map((r) => makeRf(r.number.replace(/-/g, "")));
  for (let from = 0; from < ids.length; from += 50_000) {
    await db.execute(sql`
      update invoice i set payment_reference = u.ref
      from unnest(${arrayParam(ids.slice(from, from + 50_000))}::bigint[], ${arrayParam(values.slice(from, from + 50_000))}::text[]) as u(id, ref)
      where i.id = u.id`);
  }
  await db.execute(sql`analyze`);
  return companyId;
}

/** A random sample of open items, grouped by customer, from which the payers' lines are drawn. */
async function sampleItems(
  handle: DatabaseHandle,
  companyId: number,
  count: number,
): Promise<Map<number, Item[]>> {
  const result = await handle.db.execute<{
    id: number;
    customer_id: number;
    number: string;
    amount: number;
    ref: string | null;
    name: string;
  }>(sql`
    select i.id::float8 as id, i.customer_id::float8 as customer_id, i.number, i.open_amount_minor::float8 as amount,
      i.payment_reference as ref, c.name
    from invoice i join customer c on c.id = i.customer_id
    where i.company_id = ${companyId} and (i.id * 2654435761) % 1000 < ${Math.ceil((count * 1000) / (await itemCount(handle, companyId)))}
    order by i.customer_id, i.due_date, i.id`);
  const byCustomer = new Map<number, Item[]>();
  for (const r of result.rows) {
    const item = {
      id: Number(r.id),
      customerId: Number(r.customer_id),
      number: r.number,
      amount: Number(r.amount),
      ref: r.ref,
      name: r.name,
    };
    const list = byCustomer.get(item.customerId);
    if (list) list.push(item);
    else byCustomer.set(item.customerId, [item]);
  }
  return byCustomer;
}

async function itemCount(handle: DatabaseHandle, companyId: number): Promise<number> {
  const r = await handle.db.execute<{ n: number }>(
    sql`select count(*)::float8 as n from invoice where company_id = ${companyId}`,
  );
  return Number(r.rows[0]?.n ?? 1);
}

/** How payers really write an invoice number: spaces, no dashes, prefixes, lower case, dropped zeros, typos. */
function mangle(random: Random, number: string): string {
  const digits = number.replace(/\D/g, "");
  switch (random.int(0, 6)) {
    case 0:
      return number;
    case 1:
      return number.replace(/-/g, "");
    case 2:
      return `FACT ${number.replace(/-/g, " ")}`;
    case 3:
      return number.toLowerCase();
    case 4:
      return `F${digits}`;
    case 5:
      return `Facture n° ${number}`;
    default:
      return `INV ${number.slice(0, -2)}${number.slice(-1)}${number.slice(-2, -1)}`;
  }
}

const ibanOf = (customerId: number) =>
  customerId % 10 < 6 ? `FR76${String(customerId).padStart(23, "0")}` : null;

async function generateLines(
  handle: DatabaseHandle,
  companyId: number,
  sample: Map<number, Item[]>,
  count: number,
): Promise<Map<number, Truth | null>> {
  const random = createRandom(7);
  const customers = [...sample.values()].filter((list) => list.length > 0);
  const used = new Set<number>();
  const lines: Line[] = [];
  let cursor = 0;
  while (lines.length < count && cursor < customers.length * 4) {
    const list = customers[cursor % customers.length] ?? [];
    cursor += 1;
    const free = list.filter((i) => !used.has(i.id));
    const first = free[0];
    if (!first) continue;
    const kind = random.int(0, 99);
    const name = first.name;
    const iban = ibanOf(first.customerId);
    const take = (n: number) => {
      const chosen = free.slice(0, n);
      for (const i of chosen) used.add(i.id);
      return chosen;
    };
    if (kind < 40) {
      const [i] = take(1);
      if (i)
        lines.push({
          amount: i.amount,
          name,
          iban,
          structured: null,
          text: `${mangle(random, i.number)} merci`,
          truth: { customerId: i.customerId, invoiceIds: [i.id], kind: "number" },
        });
    } else if (kind < 52 && first.ref) {
      const [i] = take(1);
      if (i)
        lines.push({
          amount: i.amount,
          name,
          iban,
          structured: i.ref,
          text: null,
          truth: { customerId: i.customerId, invoiceIds: [i.id], kind: "reference" },
        });
    } else if (kind < 66 && free.length >= 2) {
      const group = take(Math.min(free.length, random.int(2, 4)));
      const withText = random.int(0, 1) === 0;
      lines.push({
        amount: group.reduce((s, i) => s + i.amount, 0),
        name,
        iban,
        structured: null,
        text: withText ? `Factures ${group.map((i) => i.number).join(" ")}` : "Reglement fournisseur",
        truth: {
          customerId: first.customerId,
          invoiceIds: group.map((i) => i.id),
          kind: withText ? "group" : "group_no_text",
        },
      });
    } else if (kind < 72) {
      const [i] = take(1);
      if (i)
        lines.push({
          amount: Math.floor(i.amount / 2),
          name,
          iban,
          structured: null,
          text: `Acompte facture ${i.number}`,
          truth: { customerId: i.customerId, invoiceIds: [i.id], kind: "partial" },
        });
    } else if (kind < 80 && iban) {
      const [i] = take(1);
      if (i)
        lines.push({
          amount: i.amount,
          name,
          iban,
          structured: null,
          text: "VIREMENT",
          truth: { customerId: i.customerId, invoiceIds: [i.id], kind: "amount_iban" },
        });
    } else if (kind < 85) {
      const [i] = take(1);
      if (i)
        lines.push({
          amount: i.amount - 50,
          name,
          iban,
          structured: null,
          text: i.number,
          truth: { customerId: i.customerId, invoiceIds: [i.id], kind: "fees" },
        });
    } else if (kind < 89) {
      const [i] = take(1);
      if (i)
        lines.push({
          amount: i.amount,
          name: "Holding Financiere Groupe",
          iban: null,
          structured: null,
          text: `Pour compte de client ${i.number}`,
          truth: { customerId: i.customerId, invoiceIds: [i.id], kind: "third_party" },
        });
    } else if (kind < 92) {
      const [i] = take(1);
      if (i) {
        lines.push({
          amount: i.amount,
          name,
          iban,
          structured: null,
          text: i.number,
          truth: { customerId: i.customerId, invoiceIds: [i.id], kind: "number" },
        });
        lines.push({
          amount: i.amount,
          name,
          iban,
          structured: null,
          text: i.number,
          truth: { customerId: i.customerId, invoiceIds: [], kind: "duplicate" },
        });
      }
    } else if (kind < 96) {
      const [i] = take(1);
      if (i)
        lines.push({
          amount: i.amount + 12345,
          name,
          iban,
          structured: null,
          text: i.number,
          truth: { customerId: i.customerId, invoiceIds: [i.id], kind: "wrong_amount" },
        });
    } else {
      lines.push({
        amount: 10000 + random.int(0, 99999),
        name: `Inconnu ${random.int(1, 9999)}`,
        iban: null,
        structured: null,
        text: "VIR SEPA",
        truth: null,
      });
    }
  }
  const statement = await handle.db.execute<{ id: number }>(sql`
    insert into bank_statement (company_id, format, reference, currency, file_name)
    values (${companyId}, 'camt', 'BENCH', 'EUR', 'bench.xml') returning id::float8 as id`);
  const statementId = Number(statement.rows[0]?.id);
  const truths = new Map<number, Truth | null>();
  for (let from = 0; from < lines.length; from += 10_000) {
    const chunk = lines.slice(from, from + 10_000);
    const inserted = await handle.db.execute<{ id: number; n: number }>(sql`
      insert into bank_line (company_id, statement_id, fingerprint, booking_date, amount_minor, currency,
        counterparty_name, counterparty_iban, structured_reference, remittance_text)
      select ${companyId}, ${statementId}, 'bench-' || (${from}::int + n), ${TODAY}::date, amount, 'EUR', name, iban, structured, text
      from unnest(${arrayParam(chunk.map((l) => l.amount))}::bigint[], ${arrayParam(chunk.map((l) => l.name))}::text[], ${arrayParam(chunk.map((l) => l.iban))}::text[],
        ${arrayParam(chunk.map((l) => l.structured))}::text[], ${arrayParam(chunk.map((l) => l.text))}::text[]) with ordinality
        as u(amount, name, iban, structured, text, n)
      returning id::float8 as id, (substr(fingerprint, 7))::int as n`);
    for (const row of inserted.rows) truths.set(Number(row.id), lines[Number(row.n) - 1]?.truth ?? null);
  }
  await handle.db.execute(sql`analyze`);
  return truths;
}

/**
 * Auto-match rate: the share of lines that should be matched (they pay something) and were, by the
 * run alone. Precision: among the lines the run applied, those applied to the right customer and only
 * to invoices that line paid (a duplicate payment kept as unapplied cash on its payer is right; a
 * stranger's money applied to anyone is wrong).
 */
async function measure(handle: DatabaseHandle, companyId: number, truths: Map<number, Truth | null>) {
  const rows = await handle.db.execute<{
    id: number;
    status: string;
    customer_id: number | null;
    invoices: number[] | null;
  }>(sql`
    with allocated as (
      select m.line_id, array_agg(a.invoice_id::float8) as invoices
      from bank_match m join payment_allocation a on a.match_id = m.id and a.reversed_at is null
      where m.company_id = ${companyId} and m.undone_at is null group by m.line_id
    )
    select l.id::float8 as id, l.status, l.customer_id::float8 as customer_id, x.invoices
    from bank_line l left join allocated x on x.line_id = l.id where l.company_id = ${companyId}`);
  const kinds: Record<string, { lines: number; matched: number; applied: number; wrong: number }> = {};
  let payable = 0;
  let autoMatched = 0;
  let applied = 0;
  let wrong = 0;
  for (const row of rows.rows) {
    const truth = truths.get(Number(row.id)) ?? null;
    const isApplied = row.status === "matched" || row.status === "unapplied";
    const kindName = truth?.kind ?? "stranger";
    const kind = kinds[kindName] ?? { lines: 0, matched: 0, applied: 0, wrong: 0 };
    kinds[kindName] = kind;
    kind.lines += 1;
    if (row.status === "matched") kind.matched += 1;
    if (isApplied) kind.applied += 1;
    if (truth && truth.invoiceIds.length > 0) {
      payable += 1;
      if (row.status === "matched") autoMatched += 1;
    }
    if (!isApplied) continue;
    applied += 1;
    const invoices = (row.invoices ?? []).map(Number);
    const right =
      truth !== null &&
      Number(row.customer_id) === truth.customerId &&
      invoices.every((id) => truth.invoiceIds.includes(id));
    if (!right) {
      wrong += 1;
      kind.wrong += 1;
    }
  }
  console.log(`matching: by kind ${JSON.stringify(kinds)}`);
  return {
    autoRate: Number(((autoMatched / Math.max(1, payable)) * 100).toFixed(2)),
    precision: Number((((applied - wrong) / Math.max(1, applied)) * 100).toFixed(3)),
    applied,
    wrong,
  };
}
