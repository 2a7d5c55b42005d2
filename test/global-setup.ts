import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../src/db/client";
import { applyMigrations } from "../src/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** PostgreSQL: the template database's URL; PGlite: the path of a migrated data-dir tarball. */
    testDatabase: { kind: "postgres"; templateUrl: string } | { kind: "pglite"; templatePath: string };
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Migrates one template per run; every test file then gets its own copy of it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = `encours_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const templateUrl = withDatabase(serverUrl, template);
    const handle = await openDatabase({ url: templateUrl, poolSize: 1 });
    await applyMigrations(handle.db);
    await handle.close();
    project.provide("testDatabase", { kind: "postgres", templateUrl });
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "encours-test-"));
  const templatePath = path.join(dir, "template.tar");
  const handle = await openDatabase({});
  await applyMigrations(handle.db);
  writeFileSync(templatePath, await handle.embedded!.dump());
  await handle.close();
  project.provide("testDatabase", { kind: "pglite", templatePath });
  return async () => rmSync(dir, { recursive: true, force: true });
}
