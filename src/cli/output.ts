import { DataDirLockedError } from "../db/embedded/lockfile";
import { ConfigError } from "../server/config";
import { isDomainError } from "../shared/errors";

/** Exit codes of the command-line contract. */
export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 1;
export const EXIT_FAILURE = 2;

export class CliInputError extends Error {
  override name = "CliInputError";
}

export type Output = { json: boolean };

/** With --json, stdout carries the JSON document and nothing else; humans get a table. */
export function printResult(output: Output, json: unknown, human: () => string): void {
  if (output.json) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  else process.stdout.write(`${human()}\n`);
}

export function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return "(none)";
  const columns = Object.keys(rows[0] ?? {});
  const cells = rows.map((row) => columns.map((c) => String(row[c] ?? "")));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? "").length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(columns), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

/** Prints an error on stderr (as JSON too with --json) and returns the contract's exit code. */
export function reportError(error: unknown, output: Output): number {
  const invalid = isDomainError(error) || error instanceof ConfigError || error instanceof CliInputError;
  const code = invalid ? EXIT_INVALID_INPUT : EXIT_FAILURE;
  // A failed query's own message repeats the whole SQL; its cause says what went wrong.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  const message =
    cause && !invalid
      ? `Database error: ${cause.message}`
      : error instanceof Error
        ? error.message
        : String(error);
  const issues = isDomainError(error) ? (error.details.issues ?? []) : [];
  const lines = [
    `encours: ${message}`,
    ...issues.map(
      (i) => `  ${i.field}${i.value === undefined ? "" : `=${JSON.stringify(i.value)}`}: ${i.message}`,
    ),
  ];
  if (!invalid && !(error instanceof DataDirLockedError) && error instanceof Error && error.stack)
    lines.push(error.stack);
  process.stderr.write(`${lines.join("\n")}\n`);
  if (output.json) {
    const errorCode = isDomainError(error) ? error.code : invalid ? "VALIDATION" : "FAILURE";
    process.stdout.write(`${JSON.stringify({ error: { code: errorCode, message, issues } })}\n`);
  }
  return code;
}
