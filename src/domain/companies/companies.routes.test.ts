import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Session, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeUser } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import type { App } from "../context";

let handle: DatabaseHandle;
let app: App;
let admin: Session;
let viewer: Session;

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildTestApp(handle);
  admin = await signIn(app, (await makeUser(handle.db, "admin")).email);
  viewer = await signIn(app, (await makeUser(handle.db, "viewer")).email);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

const count = async (table: string) =>
  (await handle.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`))).rows[0]?.n;

describe("companies", () => {
  it("creates a company with defaults from its country and an audit row", async () => {
    const response = await admin.send("POST", "/api/companies", {
      code: "BE01",
      name: "Ardennes Logistique SA",
      country: "BE",
      currency: "EUR",
      iban: "BE68 5390 0754 7034",
      email: "credit@ardennes.be",
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      timeZone: "Europe/Brussels",
      defaultLanguage: "fr",
      iban: "BE68539007547034",
    });
    const audit = await handle.db.execute<{ action: string; entity: string }>(
      sql`select action, entity from audit_log where entity = 'company'`,
    );
    expect(audit.rows).toEqual([{ action: "create", entity: "company" }]);
    expect((await viewer.get("/api/companies")).json().items.map((c: { code: string }) => c.code)).toEqual([
      "BE01",
    ]);
  });

  it("refuses bad input naming every field and writes nothing", async () => {
    const before = await count("company");
    const response = await admin.send("POST", "/api/companies", {
      code: "NL01",
      name: "Polder BV",
      country: "NL",
      currency: "EUR",
      iban: "NL00 ABNA 0123 4567 89",
      bic: "nope",
      timeZone: "Mars/Olympus",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues).toEqual([
      {
        field: "iban",
        value: "NL00 ABNA 0123 4567 89",
        message: "is not a valid IBAN (check digits do not match)",
      },
      { field: "bic", value: "nope", message: "is not a valid BIC (8 or 11 letters and digits)" },
      { field: "timeZone", value: "Mars/Olympus", message: "is not an IANA time zone such as Europe/Paris" },
    ]);
    const schemaErrors = await admin.send("POST", "/api/companies", {
      code: "",
      country: "France",
      currency: "EURO",
    });
    expect(schemaErrors.statusCode).toBe(400);
    expect(
      schemaErrors
        .json()
        .error.issues.map((i: { field: string }) => i.field)
        .sort(),
    ).toEqual(["code", "country", "currency", "name"]);
    expect(await count("company")).toBe(before);
  });

  it("lets only administrators create companies", async () => {
    const response = await viewer.send("POST", "/api/companies", {
      code: "X",
      name: "X",
      country: "FR",
      currency: "EUR",
    });
    expect(response.statusCode).toBe(403);
  });
});
