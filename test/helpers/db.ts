import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client";

/**
 * A fresh, migrated database for one test file: a copy of the run's template, on PGlite by default
 * or on the PostgreSQL server named by TEST_DATABASE_URL. Close it in afterAll.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const target = inject("testDatabase");
  if (target.kind === "pglite") return openDatabase({ templatePath: target.templatePath });
  const template = new URL(target.templateUrl);
  const templateName = template.pathname.slice(1);
  const name = `encours_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({
    connectionString: target.templateUrl.replace(`/${templateName}`, "/postgres"),
  });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${templateName}`);
  } finally {
    await admin.end();
  }
  template.pathname = `/${name}`;
  const handle = await openDatabase({ url: template.toString(), poolSize: 4 });
  // The database is dropped WITH (FORCE) below: a connection still closing then receives the server's
  // "terminating connection" message, which must not surface as an unhandled error of the test run.
  handle.pool.on("connect", (client) => client.on("error", () => {}));
  const close = handle.close;
  return Object.assign(handle, {
    async close() {
      await close();
      const dropper = new pg.Client({
        connectionString: target.templateUrl.replace(`/${templateName}`, "/postgres"),
      });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  });
}
