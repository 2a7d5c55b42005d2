import type { ErrorBody } from "../../shared/schemas";

export type ApiIssue = NonNullable<ErrorBody["error"]["issues"]>[number];

/** Status 0 means the request never got an HTTP answer (network down, server stopped). */
export const NETWORK_ERROR_STATUS = 0;

/** An error answered by the API (`{ error: { code, message, issues } }`) or a failed request. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];

  constructor(options: { status: number; code: string; message: string; issues?: ApiIssue[] }) {
    super(options.message);
    this.name = "ApiError";
    this.status = options.status;
    this.code = options.code;
    this.issues = options.issues ?? [];
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
