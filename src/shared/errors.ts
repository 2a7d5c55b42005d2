export type DomainErrorCode =
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_STATE"
  | "VALIDATION"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "RATE_LIMITED";

/** One problem in the input: which field (or file line/column), what value, and why. */
export type FieldIssue = {
  field: string;
  value?: unknown;
  message: string;
  line?: number;
  column?: string;
};

export type DomainErrorDetails = { issues?: FieldIssue[]; [key: string]: unknown };

/** The only error type use cases throw on purpose; anything else is a bug. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: DomainErrorDetails;

  constructor(code: DomainErrorCode, message: string, details: DomainErrorDetails = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

export function notFound(what: string, id: unknown): DomainError {
  return new DomainError("NOT_FOUND", `${what} ${String(id)} was not found`, { entity: what, id });
}

export function validationError(message: string, issues: FieldIssue[]): DomainError {
  return new DomainError("VALIDATION", message, { issues });
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
