import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { openDatabase } from "../src/db/client";
import { applyMigrations } from "../src/db/migrate";
import { deliverOutbox } from "../src/domain/communications/deliver-outbox";
import { smtpTransport } from "../src/domain/communications/smtp-transport";
import { runDunning } from "../src/domain/dunning/run-dunning";
import { SYSTEM_ACTOR } from "../src/domain/users/users.types";
import { fixedClock } from "../src/shared/clock";
import { openBenchDatabase } from "./bench-database";
import type { BenchArgs } from "./main";
import { startRssSampler } from "./rss-sampler";

const DATABASE = "encours_bench_send";
/** A Monday; every invoice is due a week before, so each customer gets the D+7 reminder. */
const RUN_DATE = "2026-03-09";

/**
 * `npm run bench -- send [--size EMAILS] [--concurrency N] [--embedded]`: plans one D+7 reminder per
 * customer with the real dunning run, then delivers them all through a local SMTP server (smtp-server on
 * loopback), rendering each from the shipped French template; then writes one one-page reminder letter
 * (PDF, pdfmake) per customer through the outbox into the day's print batch.
 */
export async function runSendBench(args: BenchArgs): Promise<void> {
  const emails = args.size ?? 10_000;
  const rss = startRssSampler();
  const { handle, dispose } = args.embedded
    ? await openDatabase({}).then((h) => ({ handle: h, dispose: () => h.close() }))
    : await openBenchDatabase(DATABASE);
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const transport = smtpTransport(
    `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}?maxConnections=8`,
  );
  try {
    await applyMigrations(handle.db);
    const companyId = await generate(handle.db, emails);
    const ctx = { db: handle.db, clock: fixedClock(`${RUN_DATE}T05:00:00Z`) };
    await runDunning(ctx, SYSTEM_ACTOR, {
      companyId,
      date: RUN_DATE as never,
      trigger: "cli",
      collectActions: false,
    });
    console.log(`send: ${emails} reminders planned in ${handle.mode} ${handle.location}`);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const result = await deliverOutbox(ctx, {
      now: new Date(`${RUN_DATE}T09:00:00Z`),
      transport,
      limit: 200,
      concurrency: args.concurrency ?? 8,
    });
    const elapsed = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(cpuStarted);
    console.log(`send: ${result.sent} sent, ${result.failed} failed in ${elapsed.toFixed(1)} s`);
    await queueLetters(handle.db, companyId);
    const lettersStarted = performance.now();
    const lettersCpuStarted = process.cpuUsage();
    const letters = await deliverOutbox(ctx, {
      now: new Date(`${RUN_DATE}T09:00:00Z`),
      transport,
      limit: 200,
      concurrency: args.concurrency ?? 8,
    });
    const lettersElapsed = (performance.now() - lettersStarted) / 1000;
    const lettersCpu = cpuSeconds(lettersCpuStarted);
    console.log(
      `send: ${letters.sent} letters (PDF), ${letters.failed} failed in ${lettersElapsed.toFixed(1)} s`,
    );
    console.log(
      JSON.stringify({
        bench: "send",
        emails,
        sent: result.sent,
        failed: result.failed,
        received,
        seconds: Number(elapsed.toFixed(2)),
        perSecond: Math.round(result.sent / elapsed),
        cpuSeconds: cpu,
        letters: letters.sent,
        lettersFailed: letters.failed,
        lettersSeconds: Number(lettersElapsed.toFixed(2)),
        lettersPerSecond: Math.round(letters.sent / lettersElapsed),
        lettersCpuSeconds: lettersCpu,
        peakRssMb: rss.stop(),
      }),
    );
  } finally {
    await transport.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await dispose();
  }
}

/** CPU time of this process (every thread, user and system) since `from`: what the load of others does not inflate much. */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return Number(((used.user + used.system) / 1e6).toFixed(2));
}

async function generate(db: Parameters<typeof applyMigrations>[0], customers: number): Promise<number> {
  const company = await db.execute<{ id: number }>(sql`
    insert into company (code, name, country, currency, time_zone, default_language, iban, bic, sender_email)
    values ('SEND', 'Bench SAS', 'FR', 'EUR', 'Europe/Paris', 'fr', 'FR7630006000011234567890189', 'AGRIFRPP',
      'relances@bench.example') returning id`);
  const companyId = Number(company.rows[0]?.id);
  await db.execute(sql`
    insert into customer (company_id, external_ref, name, currency, language, email, address_line1, postal_code, city)
    select ${companyId}, 'C' || lpad(g::text, 7, '0'), 'Client ' || g, 'EUR', 'fr', 'ap' || g || '@bench.example',
      g || ' rue de la République', lpad(((g % 95) + 1)::text, 2, '0') || '000', 'Ville ' || (g % 500)
    from generate_series(1, ${customers}::int) g`);
  await db.execute(sql`
    insert into contact (customer_id, name, role, email, is_primary)
    select id, 'Comptabilité fournisseurs', 'accounts_payable', email, true from customer where company_id = ${companyId}`);
  await db.execute(sql`
    insert into invoice (company_id, customer_id, external_ref, number, type, issue_date, due_date,
      amount_minor, open_amount_minor, currency)
    select ${companyId}, id, 'I' || id, 'FA-' || id, 'invoice', ${RUN_DATE}::date - 37, ${RUN_DATE}::date - 7,
      10000 + (id * 37) % 900000, 10000 + (id * 37) % 900000, 'EUR'
    from customer where company_id = ${companyId}`);
  await db.execute(sql`analyze`);
  return companyId;
}

/** One reminder letter per customer, queued as the dunning run queues a letter step. */
async function queueLetters(db: Parameters<typeof applyMigrations>[0], companyId: number): Promise<void> {
  await db.execute(sql`
    insert into outbox (company_id, customer_id, channel, recipient, not_before, payload)
    select ${companyId}, id, 'letter', name, ${`${RUN_DATE}T08:00:00Z`}::timestamptz,
      '{"type":"letter","template":"letter.reminder"}'::jsonb
    from customer where company_id = ${companyId}`);
}
