import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/helpers/app";
import { openTestDatabase } from "../../test/helpers/db";
import { makeUser, TEST_PASSWORD } from "../../test/helpers/factories";
import type { DatabaseHandle } from "../db/client";
import type { App } from "../domain/context";

let handle: DatabaseHandle;
let app: App;
let webRoot: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  webRoot = mkdtempSync(path.join(tmpdir(), "encours-web-"));
  writeFileSync(path.join(webRoot, "index.html"), "<!doctype html><title>Encours</title>");
  app = await buildTestApp(handle, { webRoot, env: { TRUST_PROXY: "true" } });
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe("HTTP server", () => {
  it("describes every API route in the OpenAPI document, readable without signing in", async () => {
    const response = await app.inject("/api/docs/json");
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    for (const route of [
      "/api/health",
      "/api/auth/login",
      "/api/customers",
      "/api/customers/{id}",
      "/api/invoices",
      "/api/companies",
    ]) {
      expect(paths).toContain(route);
    }
    expect((await app.inject("/api/docs")).statusCode).toBeLessThan(400);
  });

  it("serves the web app, with client routes falling back to index.html", async () => {
    for (const url of ["/", "/customers/12", "/invoices?status=overdue"]) {
      const response = await app.inject(url);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain("<title>Encours</title>");
    }
  });

  it("keeps unknown API routes as JSON 404s", async () => {
    const response = await app.inject("/api/nothing-here");
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("NOT_FOUND");
  });

  it("answers malformed JSON with a 400 that says so", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("marks the session cookie Secure behind an HTTPS proxy", async () => {
    const user = await makeUser(handle.db, "viewer");
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "x-forwarded-proto": "https" },
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(response.cookies.find((c) => c.name === "encours_session")).toMatchObject({
      secure: true,
      httpOnly: true,
    });
  });
});
