import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeUser, TEST_PASSWORD } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import type { App } from "../context";

let handle: DatabaseHandle;
let app: App;

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildTestApp(handle);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

const login = (email: string, password: string, ip = "10.0.0.1") =>
  app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress: ip });

describe("authentication", () => {
  it("answers /api/health without a session, and nothing else", async () => {
    expect((await app.inject("/api/health")).json()).toEqual({ status: "ok", database: "ok" });
    const denied = await app.inject("/api/customers");
    expect(denied.statusCode).toBe(401);
    expect(denied.json().error.code).toBe("UNAUTHENTICATED");
  });

  it("signs in with a session cookie that scripts cannot read", async () => {
    const user = await makeUser(handle.db, "collector", "Sophie Cookie");
    const response = await login(user.email.toUpperCase(), TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "encours_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(response.json().user).toMatchObject({ email: user.email, role: "collector" });
    const me = await app.inject({
      url: "/api/auth/me",
      headers: { cookie: `encours_session=${cookie?.value}` },
    });
    expect(me.json().user.name).toBe("Sophie Cookie");
    expect(me.json().csrfToken).toBe(response.json().csrfToken);
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    const user = await makeUser(handle.db, "viewer");
    for (const [email, password] of [
      [user.email, "wrong password!"],
      ["nobody@test.encours.app", TEST_PASSWORD],
    ] as const) {
      const response = await login(email, password, "10.0.0.2");
      expect(response.statusCode).toBe(401);
      expect(response.json().error.message).toBe("Wrong email or password");
    }
  });

  it("rate-limits repeated failures for one email, even with the right password", async () => {
    const user = await makeUser(handle.db, "viewer");
    for (let i = 0; i < 5; i++)
      expect((await login(user.email, "nope-nope-nope", "10.0.0.3")).statusCode).toBe(401);
    const blocked = await login(user.email, TEST_PASSWORD, "10.0.0.3");
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect(blocked.json().error.message).toMatch(/Too many failed sign-in attempts/);
  });

  it("validates the login body and names the field", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "a@b.c" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues).toEqual([{ field: "password", message: expect.any(String) }]);
  });

  it("requires the CSRF token on state-changing requests with a cookie", async () => {
    const user = await makeUser(handle.db, "credit_manager");
    const session = await signIn(app, user.email);
    const without = await app.inject({
      method: "PATCH",
      url: "/api/auth/me",
      headers: { cookie: session.cookie },
      payload: { language: "en" },
    });
    expect(without.statusCode).toBe(403);
    const withToken = await session.send("PATCH", "/api/auth/me", { language: "en" });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.json().user.language).toBe("en");
  });

  it("logs out: the cookie no longer works", async () => {
    const user = await makeUser(handle.db, "sales");
    const session = await signIn(app, user.email);
    expect((await session.send("POST", "/api/auth/logout")).statusCode).toBe(204);
    expect((await session.get("/api/auth/me")).statusCode).toBe(401);
  });
});

describe("users and API tokens", () => {
  it("lets only an admin create users, and reports a taken email as a conflict", async () => {
    const admin = await makeUser(handle.db, "admin");
    const manager = await makeUser(handle.db, "credit_manager");
    const asAdmin = await signIn(app, admin.email);
    const asManager = await signIn(app, manager.email);
    const body = {
      email: "new.collector@test.encours.app",
      name: "New Collector",
      role: "collector",
      password: "long enough pw",
    };
    expect((await asManager.send("POST", "/api/users", body)).statusCode).toBe(403);
    const created = await asAdmin.send("POST", "/api/users", body);
    expect(created.statusCode).toBe(201);
    const again = await asAdmin.send("POST", "/api/users", {
      ...body,
      email: "NEW.collector@test.encours.app",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.issues[0]).toMatchObject({ field: "email" });
    const bad = await asAdmin.send("POST", "/api/users", {
      ...body,
      email: "other@example.org",
      role: "boss",
      password: "short",
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((i: { field: string }) => i.field)
        .sort(),
    ).toEqual(["password", "role"]);
    expect(bad.json().error.issues.find((i: { field: string }) => i.field === "role").value).toBe("boss");
  });

  it("creates an API token shown once, accepts it as a bearer, and refuses it once revoked", async () => {
    const manager = await makeUser(handle.db, "credit_manager");
    const session = await signIn(app, manager.email);
    const created = await session.send("POST", "/api/tokens", { name: "ERP connector" });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^enc_/);
    const listed = await session.get("/api/tokens");
    expect(JSON.stringify(listed.json())).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ url: "/api/companies", headers: bearer })).statusCode).toBe(200);
    expect((await session.send("DELETE", `/api/tokens/${id}`)).statusCode).toBe(204);
    const refused = await app.inject({ url: "/api/companies", headers: bearer });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toMatch(/revoked/);
  });
});
