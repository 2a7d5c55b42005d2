import type { FastifyBaseLogger } from "fastify";
import pino from "pino";
import { DEMO_PASSWORD, DEMO_USERS } from "../demo/demo-staff";
import { isDatabaseEmpty, loadDemoData } from "../demo/load-demo-data";
import type { AppContext } from "../domain/context";
import { failAbandonedImports } from "../domain/imports/fail-abandoned-imports";
import { ensureAdmin } from "../domain/users/ensure-admin";
import { findUserByEmail } from "../domain/users/users.repo";
import { type Clock, systemClock } from "../shared/clock";
import { buildApp } from "./app";
import type { Config } from "./config";
import { type OutboxWorker, startOutboxWorker } from "./outbox-worker";
import { openRuntime } from "./runtime";
import { type Scheduler, startScheduler } from "./scheduler";

export type ServeOptions = {
  config: Config;
  role: "all" | "web" | "worker";
  demo: boolean;
  clock?: Clock;
  /** Where human-readable start-up lines go (the console by default). */
  print?: (line: string) => void;
};

export type RunningServer = { url: string; close(): Promise<void> };

/**
 * Starts Encours: database, migrations, first administrator, demo data on request (only into an
 * empty database), then the HTTP server and, unless the role is `web`, the scheduler (the daily dunning
 * run of each company).
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const print = options.print ?? ((line: string) => console.log(line));
  const logger: FastifyBaseLogger = pino({ level: config.logLevel });
  const runtime = await openRuntime(config);
  const ctx = { db: runtime.db, clock };
  logger.info(
    { database: runtime.location, mode: runtime.mode, migrationsApplied: runtime.migrationsApplied },
    "database ready",
  );
  try {
    await failAbandonedImports(ctx, runtime.mode === "embedded");
    const notices = await prepareData(ctx, config, options.demo, print);
    const app = await buildApp({ config, db: runtime.db, clock, logger });
    if (options.role === "worker") await app.ready();
    else await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const url = `http://localhost:${port}`;
    const scheduler: Scheduler | null =
      options.role !== "web" && config.schedulerIntervalSeconds > 0
        ? startScheduler(ctx, logger, config.schedulerIntervalSeconds)
        : null;
    const outboxWorker: OutboxWorker | null =
      options.role !== "web" && config.outboxIntervalSeconds > 0
        ? startOutboxWorker(ctx, logger, config)
        : null;
    if (options.role === "worker") print(`Encours worker is running (database: ${runtime.location})`);
    else print(`Encours is running on ${config.publicUrl ?? url} (database: ${runtime.location})`);
    for (const notice of notices) print(notice);
    return {
      url,
      async close() {
        await scheduler?.stop();
        await outboxWorker?.stop();
        await app.close();
        await runtime.close();
      },
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

/** The demo account whose login is printed: the credit manager sees every customer and every screen. */
const DEMO_LOGIN = DEMO_USERS.find((u) => u.role === "credit_manager")!;

/**
 * First administrator, and demo data when asked for and the database is empty. Returns the lines
 * to print once the server listens: the generated admin password, the demo login.
 */
async function prepareData(
  ctx: AppContext,
  config: Config,
  demo: boolean,
  print: (line: string) => void,
): Promise<string[]> {
  const notices: string[] = [];
  const admin = await ensureAdmin(ctx, { email: config.adminEmail, password: config.adminPassword });
  if (admin.created && admin.generated) {
    notices.push(
      `First start: administrator ${admin.email} created with the password ${admin.password} (shown once).`,
    );
  }
  if (!demo) return notices;
  if (await isDatabaseEmpty(ctx.db)) {
    print("Loading demo data (first start)…");
    const summary = await loadDemoData(ctx.db, { clock: ctx.clock });
    print(
      `Demo data: ${summary.customers} customers, ${summary.invoices} invoices, ${summary.payments} payments.`,
    );
  }
  if (await findUserByEmail(ctx.db, DEMO_LOGIN.email)) {
    notices.push(`Demo login: ${DEMO_LOGIN.email} / ${DEMO_PASSWORD} (every demo user has this password)`);
  }
  return notices;
}
