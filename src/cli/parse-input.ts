import type { z } from "zod";
import { validationError } from "../shared/errors";

/** Maps camelCase schema fields back to the kebab-case flags a person typed. */
function flagName(field: string): string {
  return `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Parses command-line values with the same zod schema as the API; errors name the flag. */
export function parseInput<T extends z.ZodType>(schema: T, raw: Record<string, unknown>): z.output<T> {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  const result = schema.safeParse(defined);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? "input");
    return { field: flagName(field), value: defined[field], message: issue.message };
  });
  throw validationError("Invalid options", issues);
}
