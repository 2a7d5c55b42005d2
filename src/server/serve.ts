import type { FastifyBaseLogger } from "fastify";
import pino from "pino";
import { isDatabaseEmpty, loadDemoData } from "../demo/load-demo-data";
import { ensureAdmin } from "../domain/users/ensure-admin";
import { type Clock, systemClock } from "../shared/clock";
import { buildApp } from "./app";
import type { Config } from "./config";
import { openRuntime } from "./runtime";

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
 * empty database), then the HTTP server. The worker role has no background jobs yet: it only keeps
 * the database migrated until the outbox and the scheduler arrive.
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
    const admin = await ensureAdmin(ctx, { email: config.adminEmail, password: config.adminPassword });
    let demoLogins: { email: string; role: string; password: string }[] = [];
    if (options.demo && (await isDatabaseEmpty(runtime.db))) {
      print("Loading demo data (first start)…");
      const summary = await loadDemoData(runtime.db, { clock });
      demoLogins = summary.demoLogins;
      print(
        `Demo data: ${summary.customers} customers, ${summary.invoices} invoices, ${summary.payments} payments.`,
      );
    }
    const app = await buildApp({ config, db: runtime.db, clock, logger });
    if (options.role === "worker") await app.ready();
    else await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const url = `http://localhost:${port}`;
    if (options.role !== "worker")
      print(`Encours is running on ${config.publicUrl ?? url} (database: ${runtime.location})`);
    if (admin.created && admin.generated) {
      print(
        `First start: administrator ${admin.email} created with the password ${admin.password} (shown once).`,
      );
    }
    const demoAdmin = demoLogins.find((l) => l.role === "credit_manager") ?? demoLogins[0];
    if (demoAdmin)
      print(`Demo login: ${demoAdmin.email} / ${demoAdmin.password} (every demo user has this password)`);
    return {
      url,
      async close() {
        await app.close();
        await runtime.close();
      },
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}
