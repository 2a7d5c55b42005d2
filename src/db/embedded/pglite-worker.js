// Runs PGlite (PostgreSQL in WASM) in its own thread and serves it on a unix socket, so that the
// application talks to it through the `pg` driver exactly as it talks to a PostgreSQL server.
// Plain JavaScript on purpose: a worker thread does not inherit the TypeScript loader.
import { readFile } from "node:fs/promises";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const { dataDir, socketPath, templatePath } = workerData;

async function start() {
  const loadDataDir = templatePath ? new Blob([await readFile(templatePath)]) : undefined;
  const db = await PGlite.create({ dataDir, loadDataDir });
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 8 });
  await server.start();
  parentPort.on("message", async (message) => {
    if (message?.type === "dump") {
      const file = await db.dumpDataDir("none");
      parentPort.postMessage({ type: "dumped", bytes: new Uint8Array(await file.arrayBuffer()) });
      return;
    }
    if (message?.type !== "stop") return;
    try {
      await server.stop();
      await db.close();
      parentPort.postMessage({ type: "stopped" });
    } catch (error) {
      parentPort.postMessage({ type: "error", message: String(error?.stack ?? error) });
    }
  });
  parentPort.postMessage({ type: "ready" });
}

start().catch((error) => parentPort.postMessage({ type: "error", message: String(error?.stack ?? error) }));
