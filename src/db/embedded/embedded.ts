import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { acquireLock } from "./lockfile";

export type EmbeddedServer = {
  /** Directory holding the unix socket, to be used as the `pg` host. */
  socketDir: string;
  dump(): Promise<Uint8Array>;
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  /** Persistent directory; omit for an in-memory database (tests). */
  dataDir?: string;
  /** A tarball made by `dump()` to start from (tests clone a migrated template this way). */
  templatePath?: string;
};

type WorkerMessage =
  | { type: "ready" | "stopped" }
  | { type: "error"; message: string }
  | { type: "dumped"; bytes: Uint8Array };

function nextMessage(worker: Worker, expected: WorkerMessage["type"]): Promise<WorkerMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: WorkerMessage) => {
      if (message.type === "error")
        return cleanup(() => reject(new Error(`Embedded database: ${message.message}`)));
      if (message.type === expected) cleanup(() => resolve(message));
    };
    const onExit = (code: number) =>
      cleanup(() => reject(new Error(`Embedded database thread exited (${code})`)));
    const cleanup = (then: () => void) => {
      worker.off("message", onMessage);
      worker.off("exit", onExit);
      then();
    };
    worker.on("message", onMessage);
    worker.on("exit", onExit);
  });
}

/** Starts PGlite in a worker thread behind a unix socket; persistent data directories are locked. */
export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedServer> {
  let release = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    release = acquireLock(options.dataDir);
  }
  // Unix socket paths are limited to ~107 bytes, so the socket lives in a short temporary directory.
  const socketDir = mkdtempSync(path.join(tmpdir(), "encours-"));
  const worker = new Worker(new URL("./pglite-worker.js", import.meta.url), {
    workerData: {
      dataDir: options.dataDir ? path.resolve(options.dataDir, "pgdata") : undefined,
      socketPath: path.join(socketDir, ".s.PGSQL.5432"),
      templatePath: options.templatePath,
    },
  });
  const cleanup = () => {
    rmSync(socketDir, { recursive: true, force: true });
    release();
  };
  try {
    await nextMessage(worker, "ready");
  } catch (error) {
    await worker.terminate();
    cleanup();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    socketDir,
    async dump() {
      const reply = nextMessage(worker, "dumped");
      worker.postMessage({ type: "dump" });
      const message = await reply;
      return message.type === "dumped" ? message.bytes : new Uint8Array();
    },
    stop() {
      stopping ??= (async () => {
        const reply = nextMessage(worker, "stopped");
        worker.postMessage({ type: "stop" });
        try {
          await reply;
        } finally {
          await worker.terminate();
          cleanup();
        }
      })();
      return stopping;
    },
  };
}
