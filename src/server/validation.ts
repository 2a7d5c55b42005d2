import type { FastifySchemaCompiler } from "fastify";
import type { z } from "zod";
import { DomainError, type FieldIssue } from "../shared/errors";

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Shortens what a request sent before it is echoed back in an error. */
function preview(value: unknown): unknown {
  if (typeof value === "string") return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  if (value === null || typeof value !== "object") return value;
  return Array.isArray(value) ? `[array of ${value.length}]` : "{object}";
}

export function toFieldIssues(error: z.ZodError, data: unknown, part: string): FieldIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : part;
    return { field, value: preview(valueAt(data, issue.path)), message: issue.message };
  });
}

/**
 * Validates every request part with its zod schema and turns failures into one VALIDATION error
 * naming each field, the value sent and the reason.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const part = httpPart ?? "body";
    const issues = toFieldIssues(result.error, data, part);
    const first = issues[0];
    const message = first ? `Invalid ${part}: ${first.field} ${first.message}` : `Invalid ${part}`;
    return { error: new DomainError("VALIDATION", message, { issues, part }) };
  };
