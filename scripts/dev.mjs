#!/usr/bin/env node
// Development: the API (with demo data) on port 3001 and the Vite dev server on port 3000, which
// proxies /api to it (see vite.config.ts). Ctrl-C stops both; if one exits, the other is stopped.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const API_PORT = "3001";
const WEB_PORT = "3000";
const KILL_AFTER_MS = 5000;

const commands = [
  {
    name: "api",
    command: process.execPath,
    args: [join(root, "bin/encours.js"), "serve", "--demo", "--port", API_PORT],
  },
  { name: "web", command: join(root, "node_modules/.bin/vite"), args: ["--port", WEB_PORT, "--strictPort"] },
];

let stopping = false;
const children = commands.map(({ name, command, args }) => {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  child.on("error", (error) => {
    console.error(`[dev] cannot start ${name}: ${error.message}`);
    shutdown(1);
  });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[dev] ${name} exited (${signal ?? `code ${code}`}); stopping the other process`);
    shutdown(code || 1);
  });
  return child;
});

/** Stops the children that still run; the process ends once they have exited. */
function shutdown(exitCode) {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  for (const child of running) child.kill("SIGTERM");
  setTimeout(() => {
    for (const child of running)
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    process.exit(exitCode);
  }, KILL_AFTER_MS).unref();
}

process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));
