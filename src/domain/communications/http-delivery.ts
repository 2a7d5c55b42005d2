import { PermanentDeliveryError } from "./transport";

/** How long a provider may take to answer before the attempt counts as failed (and is retried). */
const TIMEOUT_MS = 20_000;

/**
 * Sends one request to a delivery provider (SMS, postal) and returns its JSON answer. A 4xx answer is
 * a permanent refusal (retrying the same request cannot help), except 408 and 429; 5xx, timeouts and
 * network errors are temporary, so the outbox retries them with its backoff.
 */
export async function callProvider(
  what: string,
  url: string,
  init: { method?: string; headers: Record<string, string>; body: string },
): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? "POST",
      headers: init.headers,
      body: init.body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new Error(`${what}: no answer from ${new URL(url).host} (${(error as Error).message})`);
  }
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    const parsed: unknown = text === "" ? {} : JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
      json = parsed as Record<string, unknown>;
  } catch {
    json = {};
  }
  if (response.ok) return json;
  const detail = String(json.message ?? json.error ?? text.slice(0, 200)).trim();
  const message = `${what}: HTTP ${response.status}${detail ? ` — ${detail}` : ""}`;
  const isTemporary = response.status >= 500 || response.status === 408 || response.status === 429;
  throw isTemporary ? new Error(message) : new PermanentDeliveryError(message);
}

/** The provider's id for the message: the first of these keys that holds a string or a number. */
export function providerIdOf(
  json: Record<string, unknown>,
  keys: readonly string[],
  fallback: string,
): string {
  for (const key of keys) {
    const value = json[key];
    if (typeof value === "string" || typeof value === "number") return String(value);
  }
  return fallback;
}
