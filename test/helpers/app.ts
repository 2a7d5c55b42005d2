import type { LightMyRequestResponse } from "fastify";
import type { DatabaseHandle } from "../../src/db/client";
import type { App } from "../../src/domain/context";
import { buildApp } from "../../src/server/app";
import { loadConfig } from "../../src/server/config";
import { type Clock, fixedClock } from "../../src/shared/clock";
import { TEST_PASSWORD } from "./factories";

export async function buildTestApp(
  handle: DatabaseHandle,
  options: { clock?: Clock; env?: Record<string, string>; webRoot?: string } = {},
): Promise<App> {
  const config = loadConfig({ VITEST: "true", LOGIN_MAX_FAILURES: "5", ...options.env });
  return buildApp({
    config,
    db: handle.db,
    clock: options.clock ?? fixedClock("2026-03-31"),
    webRoot: options.webRoot ?? "/nonexistent",
  });
}

export type Session = {
  cookie: string;
  csrfToken: string;
  get(url: string): Promise<LightMyRequestResponse>;
  send(
    method: "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
};

/** Signs in through the real login route and returns a client that carries the cookie and CSRF token. */
export async function signIn(app: App, email: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === "encours_session");
  if (!setCookie) throw new Error("no session cookie");
  const cookie = `encours_session=${setCookie.value}`;
  const csrfToken = response.json().csrfToken as string;
  return {
    cookie,
    csrfToken,
    get: (url) => app.inject({ method: "GET", url, headers: { cookie } }),
    send: (method, url, body) =>
      app.inject({
        method,
        url,
        headers: { cookie, "x-csrf-token": csrfToken },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}
