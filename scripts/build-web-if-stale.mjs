#!/usr/bin/env node
// Builds the web app (vite build → dist/web) only when a source it depends on is newer than the
// last build, so that `npm start` stays fast. Plain Node, no dependencies.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const builtIndex = join(root, "dist/web/index.html");

/** Newest modification time (ms) of the files under `dir` accepted by `accept`; 0 when none. */
function newestMtime(dir, accept = () => true) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (!accept(path)) continue;
    newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function newestSource() {
  const configs = ["vite.config.ts", "postcss.config.cjs", "package-lock.json"]
    .map((file) => join(root, file))
    .filter((path) => existsSync(path))
    .map((path) => statSync(path).mtimeMs);
  return Math.max(
    0,
    ...configs,
    newestMtime(join(root, "src/web")),
    newestMtime(join(root, "src/shared")),
    newestMtime(join(root, "src/domain"), (path) => path.endsWith(".schemas.ts")),
  );
}

function isStale() {
  if (!existsSync(builtIndex)) return true;
  return newestSource() > statSync(builtIndex).mtimeMs;
}

if (!isStale()) {
  console.log("web app is up to date (dist/web)");
  process.exit(0);
}

const vite = join(root, "node_modules/.bin", process.platform === "win32" ? "vite.cmd" : "vite");
if (!existsSync(vite)) {
  console.error(`cannot build the web app: ${vite} is missing (run npm install)`);
  process.exit(1);
}
console.log("building the web app (dist/web)…");
const result = spawnSync(vite, ["build"], {
  cwd: root,
  stdio: "inherit",
  shell: process.platform === "win32",
});
if (result.error) {
  console.error(`cannot run vite build: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
