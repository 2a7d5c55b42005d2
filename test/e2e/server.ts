import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { cliEnv, startServer, stopServer } from "../helpers/cli";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type DemoServer = {
  url: string;
  /** The server's PostgreSQL database, when TEST_DATABASE_URL is set (the embedded one is the server's alone). */
  databaseUrl?: string;
  output: () => string;
  stop(): Promise<void>;
};

/**
 * `encours serve --demo` for real, in a child process: on a fresh embedded data directory, or on a
 * fresh PostgreSQL database when TEST_DATABASE_URL is set.
 */
/** The browser needs the built web app: build it when missing or older than its sources, as `npm start` does. */
function buildWebIfStale(): void {
  const script = fileURLToPath(new URL("../../scripts/build-web-if-stale.mjs", import.meta.url));
  const result = spawnSync(process.execPath, [script], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("building the web app failed");
}

export async function startDemoServer(): Promise<DemoServer> {
  buildWebIfStale();
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "encours-e2e-"));
  const serverUrl = process.env.TEST_DATABASE_URL;
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `encours_e2e_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
  }
  const env = cliEnv({
    PORT: String(port),
    HOST: "127.0.0.1",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const { child, output } = await startServer(["--demo", "--data-dir", path.join(dir, "data")], env);
  return {
    url: `http://127.0.0.1:${port}`,
    ...(databaseUrl ? { databaseUrl } : {}),
    output,
    async stop() {
      await stopServer(child);
      await dropDatabase();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
