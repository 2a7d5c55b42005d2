// A thread that lays out letters as PDF for the outbox worker (see pdf-workers.ts). Plain JavaScript
// on purpose: a worker thread does not inherit the TypeScript loader, so it registers tsx itself
// (as bin/encours.js does) before loading the TypeScript task.
import { register } from "tsx/esm/api";

register();
await import("./pdf-worker-task.ts");
