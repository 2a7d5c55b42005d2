#!/usr/bin/env node
// Runs the TypeScript benchmarks directly (tsx): `npm run bench -- <name> [--size N]`.
import { register } from "tsx/esm/api";

register();
await import("../bench/main.ts");
