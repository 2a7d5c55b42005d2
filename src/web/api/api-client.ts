import type { ErrorBody } from "../../shared/schemas";
import { ApiError, NETWORK_ERROR_STATUS } from "./api-error";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
export type QueryValue = string | number | boolean | null | undefined;

type RequestOptions = {
  method?: Method;
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
};

let csrfToken: string | null = null;

/** Remembers the token of the session (from /api/auth/me or the login answer) for non-GET requests. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The `X-CSRF-Token` header that every request other than GET must carry, once a session is open. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { "X-CSRF-Token": csrfToken } : {};
}

/** `/api` + path + the query string; empty, null and undefined values are left out. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    params.set(name, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ""}`;
}

/** Sends a JSON request to the API; resolves with the parsed body, rejects with an `ApiError`. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET") Object.assign(headers, csrfHeaders());

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError({
      status: NETWORK_ERROR_STATUS,
      code: "NETWORK",
      message: cause instanceof Error ? cause.message : String(cause),
    });
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  return apiErrorOf(response.status, response.statusText, await response.text());
}

/** The `ApiError` of an answer that is not 2xx, from its status and body text. */
export function apiErrorOf(status: number, statusText: string, text: string): ApiError {
  const fallback = { status, code: `HTTP_${status}`, message: statusText };
  try {
    const body = JSON.parse(text) as Partial<ErrorBody>;
    if (body.error && typeof body.error.message === "string") {
      return new ApiError({ ...fallback, ...body.error });
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): keep the status and show the text if it is short.
  }
  return new ApiError({ ...fallback, message: text && text.length < 300 ? text : fallback.message });
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal): Promise<T> =>
    apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown): Promise<T> => apiRequest<T>(path, { method: "POST", body }),
  patch: <T>(path: string, body?: unknown): Promise<T> => apiRequest<T>(path, { method: "PATCH", body }),
  put: <T>(path: string, body?: unknown): Promise<T> => apiRequest<T>(path, { method: "PUT", body }),
  delete: (path: string): Promise<void> => apiRequest<void>(path, { method: "DELETE" }),
};
