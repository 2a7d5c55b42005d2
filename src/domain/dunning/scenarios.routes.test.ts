import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Session, signIn } from "../../../test/helpers/app";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeCustomer, makeUser } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import type { App } from "../context";
import type { ScenarioDefinition, ScenarioDetail, ScenarioSummary } from "./dunning.schemas";

/**
 * Scenarios, their versions, export/import, assignment rules and dunning settings, through HTTP.
 * Company FR: S1 is strategic (segment retail), N1 retail, N2 wholesale, N3 without segment.
 */
let handle: DatabaseHandle;
let app: App;
let manager: Session;
let collector: Session;
let frId: number;
let otherId: number;
const scenarioIds: Record<string, number> = {};

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildTestApp(handle, { clock: fixedClock("2026-03-02T06:00:00Z") });
  const db = handle.db;
  // English: the assertions below quote the shipped names; a French company gets them in French (see below).
  frId = (await makeCompany(db, { code: "FR", defaultLanguage: "en" })).id;
  otherId = (await makeCompany(db, { code: "BE", country: "BE", timeZone: "Europe/Brussels" })).id;
  await makeCustomer(db, frId, {
    externalRef: "S1",
    name: "S1 Strategic",
    segment: "retail",
    isStrategic: true,
  });
  await makeCustomer(db, frId, { externalRef: "N1", name: "N1 Retail", segment: "retail" });
  await makeCustomer(db, frId, { externalRef: "N2", name: "N2 Wholesale", segment: "wholesale" });
  await makeCustomer(db, frId, { externalRef: "N3", name: "N3 Unsegmented" });
  await makeCustomer(db, otherId, { externalRef: "O1", name: "O1 Elsewhere" });
  manager = await signIn(app, (await makeUser(db, "credit_manager", "Claire Martin")).email);
  collector = await signIn(app, (await makeUser(db, "collector", "Sophie Bernard")).email);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

/** The test session helper sends POST, PATCH and DELETE; these routes also need PUT. */
function put(session: Session, url: string, body: unknown) {
  return app.inject({
    method: "PUT",
    url,
    headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
    payload: body as object,
  });
}

async function summaries(companyId: number): Promise<ScenarioSummary[]> {
  const response = await manager.get(`/api/scenarios?companyId=${companyId}`);
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

async function counts(companyId = frId): Promise<Record<string, number>> {
  return Object.fromEntries((await summaries(companyId)).map((s) => [s.code, s.customerCount]));
}

async function detail(id: number, suffix = ""): Promise<ScenarioDetail> {
  const response = await manager.get(`/api/scenarios/${id}${suffix}`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function versionCount(scenarioId: number): Promise<number> {
  const result = await handle.db.execute<{ n: number }>(
    sql`select count(*)::int as n from dunning_scenario_version where scenario_id = ${scenarioId}`,
  );
  return Number(result.rows[0]?.n);
}

const twoSteps: ScenarioDefinition = {
  description: "A reminder and a call.",
  steps: [
    {
      key: "d+3",
      name: "Reminder",
      offsetDays: 3,
      from: "due_date",
      review: false,
      conditions: [],
      actions: [
        { type: "email", template: "gentle.d+3", contactRoles: [], cc: [], recipients: [], conditions: [] },
      ],
    },
    {
      key: "d+10",
      name: "Call",
      offsetDays: 7,
      from: "previous_step",
      review: false,
      conditions: [],
      actions: [
        {
          type: "task",
          taskType: "call",
          assigneeRole: "collector",
          contactRoles: [],
          cc: [],
          recipients: [],
          conditions: [],
        },
      ],
    },
  ],
};

describe("the shipped scenarios", () => {
  it("appear for a company, with the customers each covers by the shipped rules", async () => {
    const items = await summaries(frId);
    expect(items.map((s) => [s.code, s.name, s.isDefault, s.version, s.stepCount, s.customerCount])).toEqual([
      ["standard", "Standard", true, 1, 6, 3], // N1, N2, N3: no rule matches, the default covers them
      ["key-accounts", "Key accounts", false, 1, 3, 1], // S1 is strategic
      ["small-invoices", "Small invoices", false, 1, 3, 0], // its shipped rule is disabled
    ]);
    for (const s of items) {
      expect(s.companyId).toBe(frId);
      scenarioIds[s.code] = s.id;
    }
    // Listing twice does not create them twice.
    expect((await summaries(frId)).map((s) => s.id)).toEqual(items.map((s) => s.id));
  });

  it("speak the company's language: a French company gets them in French", async () => {
    const frenchId = (await makeCompany(handle.db, { code: "FRFR", defaultLanguage: "fr" })).id;
    const names = (await summaries(frenchId)).map((s) => s.name).sort();
    expect(names).toEqual(["Grands comptes", "Petites factures", "Standard"]);
    const standard = (await summaries(frenchId)).find((s) => s.code === "standard");
    const steps = (await detail(standard?.id ?? 0)).definition.steps.map((step) => step.name);
    expect(steps).toEqual([
      "Relance de courtoisie",
      "Rappel d'échéance",
      "Deuxième relance",
      "Troisième relance : pénalités de retard",
      "Mise en demeure",
      "Examen contentieux",
    ]);
  });

  it("gives the detail of a scenario: its steps and its version history", async () => {
    const standard = await detail(scenarioIds.standard!);
    expect(standard).toMatchObject({ code: "standard", version: 1, stepCount: 6, customerCount: 3 });
    expect(standard.definition.steps.map((s) => [s.key, s.offsetDays])).toEqual([
      ["d-5", -5],
      ["d+0", 0],
      ["d+7", 7],
      ["d+14", 14],
      ["d+30", 30],
      ["d+45", 45],
    ]);
    expect(standard.definition.steps[2]?.actions.map((a) => a.type)).toEqual([
      "email",
      "internal_email",
      "task",
    ]);
    expect(standard.versions).toEqual([
      { version: 1, comment: "Shipped with Encours", createdBy: null, createdAt: expect.any(String) },
    ]);
    expect((await manager.get("/api/scenarios/999999")).statusCode).toBe(404);
    expect((await manager.get(`/api/scenarios/${scenarioIds.standard}/versions/7`)).statusCode).toBe(404);
  });

  it("lists the customers a scenario covers, and why, a page at a time", async () => {
    const key = (await manager.get(`/api/scenarios/${scenarioIds["key-accounts"]}/customers`)).json();
    expect(key).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(key.items).toEqual([
      {
        id: expect.any(Number),
        externalRef: "S1",
        name: "S1 Strategic",
        segment: "retail",
        source: "rule",
        ruleName: "Strategic customers",
      },
    ]);
    const first = (
      await manager.get(`/api/scenarios/${scenarioIds.standard}/customers?page=1&pageSize=2`)
    ).json();
    expect(first.total).toBe(3);
    expect(
      first.items.map((c: { externalRef: string; source: string }) => [c.externalRef, c.source]),
    ).toEqual([
      ["N1", "default"],
      ["N2", "default"],
    ]);
    const second = (
      await manager.get(`/api/scenarios/${scenarioIds.standard}/customers?page=2&pageSize=2`)
    ).json();
    expect(second.items.map((c: { externalRef: string }) => c.externalRef)).toEqual(["N3"]);
  });
});

describe("changing a scenario", () => {
  it("saves a changed definition as version 2 with its comment and author; version 1 stays readable", async () => {
    const id = scenarioIds.standard!;
    const current = await detail(id);
    const steps = current.definition.steps.map((s) => (s.key === "d+45" ? { ...s, offsetDays: 60 } : s));
    const response = await put(manager, `/api/scenarios/${id}`, {
      definition: { ...current.definition, steps },
      comment: "Litigation review two weeks later",
    });
    expect(response.statusCode).toBe(200);
    const saved: ScenarioDetail = response.json();
    expect(saved).toMatchObject({ id, version: 2, stepCount: 6, isDefault: true });
    expect(saved.definition.steps[5]).toMatchObject({ key: "d+45", offsetDays: 60 });
    expect(saved.versions.map((v) => [v.version, v.comment, v.createdBy])).toEqual([
      [2, "Litigation review two weeks later", "Claire Martin"],
      [1, "Shipped with Encours", null],
    ]);
    const v1 = await detail(id, "/versions/1");
    expect(v1.version).toBe(1);
    expect(v1.definition.steps[5]).toMatchObject({ key: "d+45", offsetDays: 45 });
    expect((await detail(id)).version).toBe(2);
    expect((await summaries(frId)).find((s) => s.id === id)?.version).toBe(2);
  });

  it("makes no new version for a rename or for the same definition sent back", async () => {
    const id = scenarioIds.standard!;
    const current = await detail(id);
    const renamed = await put(manager, `/api/scenarios/${id}`, { name: "Standard FR" });
    expect(renamed.json()).toMatchObject({ name: "Standard FR", version: 2 });
    const same = await put(manager, `/api/scenarios/${id}`, {
      definition: current.definition,
      comment: "nothing changed",
    });
    expect(same.statusCode).toBe(200);
    expect(same.json().version).toBe(2);
    expect(await versionCount(id)).toBe(2);
    await put(manager, `/api/scenarios/${id}`, { name: "Standard" });
  });

  it("refuses steps out of time order or with duplicate keys, naming the field path, and saves nothing", async () => {
    const id = scenarioIds.standard!;
    const { definition } = await detail(id);
    const early = definition.steps.map((s, i) => (i === 1 ? { ...s, offsetDays: -10 } : s));
    const outOfOrder = await put(manager, `/api/scenarios/${id}`, {
      definition: { ...definition, steps: early },
    });
    expect(outOfOrder.statusCode).toBe(400);
    expect(outOfOrder.json().error).toMatchObject({ code: "VALIDATION" });
    expect(outOfOrder.json().error.issues).toEqual([
      expect.objectContaining({ field: "definition.steps.1.offsetDays", value: -10 }),
    ]);
    const twice = definition.steps.map((s, i) => (i === 2 ? { ...s, key: "d+0" } : s));
    const duplicate = await put(manager, `/api/scenarios/${id}`, {
      definition: { ...definition, steps: twice },
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.issues).toEqual([
      expect.objectContaining({ field: "definition.steps.2.key", value: "d+0" }),
    ]);
    const mistyped = definition.steps.map((s, i) => (i === 0 ? { ...s, offsetDays: "soon" } : s));
    const badType = await put(manager, `/api/scenarios/${id}`, {
      definition: { ...definition, steps: mistyped },
    });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.issues).toContainEqual(
      expect.objectContaining({ field: "definition.steps.0.offsetDays", value: "soon" }),
    );
    expect(await versionCount(id)).toBe(2);
  });

  it("creates a scenario (201, version 1 by its author) and refuses an existing code with 409", async () => {
    const created = await manager.send("POST", "/api/scenarios", {
      companyId: frId,
      code: "gentle",
      name: "Gentle",
      definition: twoSteps,
    });
    expect(created.statusCode).toBe(201);
    const gentle: ScenarioDetail = created.json();
    expect(gentle).toMatchObject({
      code: "gentle",
      isDefault: false,
      version: 1,
      stepCount: 2,
      customerCount: 0,
    });
    expect(gentle.versions.map((v) => [v.version, v.comment, v.createdBy])).toEqual([
      [1, "Created", "Claire Martin"],
    ]);
    scenarioIds.gentle = gentle.id;
    const again = await manager.send("POST", "/api/scenarios", {
      companyId: frId,
      code: "gentle",
      name: "Gentle again",
      definition: twoSteps,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: "CONFLICT",
      issues: [expect.objectContaining({ field: "code", value: "gentle" })],
    });
    const shipped = await manager.send("POST", "/api/scenarios", {
      companyId: frId,
      code: "standard",
      name: "Standard 2",
      definition: twoSteps,
    });
    expect(shipped.statusCode).toBe(409);
    const badStep = {
      ...twoSteps,
      steps: twoSteps.steps.map((s) => ({ ...s, offsetDays: 3, from: "due_date" })),
    };
    const refused = await manager.send("POST", "/api/scenarios", {
      companyId: frId,
      code: "flat",
      name: "Flat",
      definition: badStep,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues).toEqual([
      expect.objectContaining({ field: "definition.steps.1.offsetDays", value: 3 }),
    ]);
    expect((await summaries(frId)).map((s) => s.code)).not.toContain("flat");
  });
});

describe("export and import", () => {
  it("exports a scenario as a JSON document and imports it back", async () => {
    const id = scenarioIds.standard!;
    const exported = await manager.get(`/api/scenarios/${id}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-disposition"]).toBe('attachment; filename="scenario-standard.json"');
    const document = exported.json();
    expect(document).toMatchObject({ format: "encours.scenario", formatVersion: 1, code: "standard" });
    expect(document.definition).toEqual((await detail(id)).definition);

    // The same code: a new version of the existing scenario.
    const steps = document.definition.steps.map((s: { key: string }) =>
      s.key === "d+30" ? { ...s, offsetDays: 31 } : s,
    );
    const changed = { ...document, definition: { ...document.definition, steps } };
    const imported = await manager.send("POST", "/api/scenarios/import", {
      companyId: frId,
      document: changed,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ id, version: 3 });
    expect(imported.json().versions[0]).toMatchObject({
      version: 3,
      comment: "Imported from a JSON document",
      createdBy: "Claire Martin",
    });
    expect(imported.json().definition.steps[4]).toMatchObject({ key: "d+30", offsetDays: 31 });

    // Importing what was just exported changes nothing.
    const roundTrip = (await manager.get(`/api/scenarios/${id}/export`)).json();
    const unchanged = await manager.send("POST", "/api/scenarios/import", {
      companyId: frId,
      document: roundTrip,
    });
    expect(unchanged.json().version).toBe(3);
    expect(await versionCount(id)).toBe(3);

    // A new code: a new scenario, not the default.
    const copy = await manager.send("POST", "/api/scenarios/import", {
      companyId: frId,
      document: { ...roundTrip, code: "standard-copy", name: "Standard (copy)" },
    });
    expect(copy.statusCode).toBe(200);
    expect(copy.json()).toMatchObject({
      code: "standard-copy",
      name: "Standard (copy)",
      isDefault: false,
      version: 1,
    });
    expect(copy.json().id).not.toBe(id);
    expect(copy.json().definition).toEqual(roundTrip.definition);
    expect((await summaries(frId)).find((s) => s.isDefault)?.id).toBe(id);
  });

  it("refuses a document with invalid steps, naming the path inside the document", async () => {
    const document = (await manager.get(`/api/scenarios/${scenarioIds.gentle}/export`)).json();
    const steps = document.definition.steps.map((s: object) => ({ ...s, key: "same" }));
    const response = await manager.send("POST", "/api/scenarios/import", {
      companyId: frId,
      document: { ...document, definition: { ...document.definition, steps } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues).toEqual([
      expect.objectContaining({ field: "document.definition.steps.1.key", value: "same" }),
    ]);
    const wrongFormat = await manager.send("POST", "/api/scenarios/import", {
      companyId: frId,
      document: { ...document, format: "other" },
    });
    expect(wrongFormat.statusCode).toBe(400);
    expect(wrongFormat.json().error.issues).toContainEqual(
      expect.objectContaining({ field: "document.format" }),
    );
    expect(await versionCount(scenarioIds.gentle!)).toBe(1);
  });
});

describe("assignment rules", () => {
  const retailRule = () => ({
    companyId: frId,
    name: "Retail customers",
    priority: 30,
    scenarioId: scenarioIds["small-invoices"],
    conditions: [{ field: "segment", op: "in", values: ["retail"] }],
  });
  let ruleId: number;

  it("lists the shipped rules in priority order", async () => {
    const rules = (await manager.get(`/api/dunning-rules?companyId=${frId}`)).json().items;
    expect(
      rules.map((r: { name: string; priority: number; isEnabled: boolean; scenarioName: string }) => [
        r.name,
        r.priority,
        r.isEnabled,
        r.scenarioName,
      ]),
    ).toEqual([
      ["Strategic customers", 10, true, "Key accounts"],
      ["Small balances", 20, false, "Small invoices"],
    ]);
  });

  it("creates a rule: the covered customers and the counts follow, the first matching rule wins", async () => {
    const before = await counts();
    expect(before).toMatchObject({ standard: 3, "key-accounts": 1, "small-invoices": 0 });
    const created = await manager.send("POST", "/api/dunning-rules", retailRule());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id: expect.any(Number),
      companyId: frId,
      name: "Retail customers",
      priority: 30,
      scenarioId: scenarioIds["small-invoices"],
      scenarioName: "Small invoices",
      isEnabled: true,
      conditions: [{ field: "segment", op: "in", values: ["retail"] }],
    });
    ruleId = created.json().id;
    // N1 moves to Small invoices; S1 (retail too) stays with Key accounts, whose rule comes first.
    expect(await counts()).toMatchObject({ standard: 2, "key-accounts": 1, "small-invoices": 1 });
    const covered = (await manager.get(`/api/scenarios/${scenarioIds["small-invoices"]}/customers`)).json();
    expect(
      covered.items.map((c: { externalRef: string; source: string; ruleName: string }) => [
        c.externalRef,
        c.source,
        c.ruleName,
      ]),
    ).toEqual([["N1", "rule", "Retail customers"]]);
    const rules = (await manager.get(`/api/dunning-rules?companyId=${frId}`)).json().items;
    expect(rules.map((r: { name: string }) => r.name)).toEqual([
      "Strategic customers",
      "Small balances",
      "Retail customers",
    ]);
  });

  it("updates a rule: before the strategic rule it takes S1 too; disabled it covers nobody", async () => {
    const first = await put(manager, `/api/dunning-rules/${ruleId}`, { ...retailRule(), priority: 5 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ priority: 5, isEnabled: true });
    expect(await counts()).toMatchObject({ standard: 2, "key-accounts": 0, "small-invoices": 2 });
    const disabled = await put(manager, `/api/dunning-rules/${ruleId}`, {
      ...retailRule(),
      isEnabled: false,
    });
    expect(disabled.json()).toMatchObject({ priority: 30, isEnabled: false });
    expect(await counts()).toMatchObject({ standard: 3, "key-accounts": 1, "small-invoices": 0 });
    const covered = (await manager.get(`/api/scenarios/${scenarioIds["small-invoices"]}/customers`)).json();
    expect(covered).toMatchObject({ items: [], total: 0 });
  });

  it("refuses a scenario of another company, and a rule without conditions", async () => {
    const otherStandard = (await summaries(otherId)).find((s) => s.code === "standard");
    expect(otherStandard?.customerCount).toBe(1);
    const foreign = await manager.send("POST", "/api/dunning-rules", {
      ...retailRule(),
      scenarioId: otherStandard?.id,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.issues).toEqual([
      expect.objectContaining({ field: "scenarioId", value: otherStandard?.id }),
    ]);
    const moved = await put(manager, `/api/dunning-rules/${ruleId}`, {
      ...retailRule(),
      scenarioId: otherStandard?.id,
    });
    expect(moved.statusCode).toBe(400);
    const empty = await manager.send("POST", "/api/dunning-rules", { ...retailRule(), conditions: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.issues).toContainEqual(expect.objectContaining({ field: "conditions" }));
    const rules = (await manager.get(`/api/dunning-rules?companyId=${frId}`)).json().items;
    expect(rules).toHaveLength(3);
    expect(rules[2]).toMatchObject({ id: ruleId, scenarioId: scenarioIds["small-invoices"] });
  });

  it("deletes a rule (204), then answers 404 for it", async () => {
    await put(manager, `/api/dunning-rules/${ruleId}`, retailRule());
    expect((await counts())["small-invoices"]).toBe(1);
    const deleted = await manager.send("DELETE", `/api/dunning-rules/${ruleId}`);
    expect(deleted.statusCode).toBe(204);
    expect(await counts()).toMatchObject({ standard: 3, "key-accounts": 1, "small-invoices": 0 });
    const rules = (await manager.get(`/api/dunning-rules?companyId=${frId}`)).json().items;
    expect(rules.map((r: { name: string }) => r.name)).toEqual(["Strategic customers", "Small balances"]);
    expect((await manager.send("DELETE", `/api/dunning-rules/${ruleId}`)).statusCode).toBe(404);
    expect((await put(manager, `/api/dunning-rules/${ruleId}`, retailRule())).statusCode).toBe(404);
  });
});

describe("dunning settings", () => {
  it("reads the defaults, saves valid settings and refuses a window that ends before it starts", async () => {
    const url = `/api/companies/${frId}/dunning-settings`;
    expect((await manager.get(url)).json()).toEqual({
      minGapDays: 3,
      catchUp: "latest",
      sendWindowStart: "08:00",
      sendWindowEnd: "18:00",
      workingDays: [1, 2, 3, 4, 5],
      promiseGraceDays: 3,
      collectionEmail: null,
    });
    const settings = {
      minGapDays: 5,
      catchUp: "all",
      sendWindowStart: "09:00",
      sendWindowEnd: "17:30",
      workingDays: [6, 1, 2, 3, 4, 5, 1],
      promiseGraceDays: 2,
      collectionEmail: "relances@fr.example",
    };
    const saved = await put(manager, url, settings);
    expect(saved.statusCode).toBe(200);
    const expected = { ...settings, workingDays: [1, 2, 3, 4, 5, 6] };
    expect(saved.json()).toEqual(expected);
    expect((await manager.get(url)).json()).toEqual(expected);

    const backwards = await put(manager, url, {
      ...settings,
      sendWindowStart: "18:00",
      sendWindowEnd: "08:00",
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.issues).toEqual([
      expect.objectContaining({
        field: "sendWindowEnd",
        message: "the send window must end after it starts",
      }),
    ]);
    const badTime = await put(manager, url, { ...settings, sendWindowStart: "8h" });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().error.issues).toContainEqual(
      expect.objectContaining({ field: "sendWindowStart", value: "8h" }),
    );
    const badDay = await put(manager, url, { ...settings, workingDays: [0] });
    expect(badDay.json().error.issues).toContainEqual(expect.objectContaining({ field: "workingDays.0" }));
    expect((await manager.get(url)).json()).toEqual(expected);
    expect((await manager.get("/api/companies/999999/dunning-settings")).statusCode).toBe(404);
  });
});

describe("roles", () => {
  it("gives a collector 403 on every scenario, rule and settings route, and changes nothing", async () => {
    const id = scenarioIds.standard!;
    const reads = [
      `/api/scenarios?companyId=${frId}`,
      `/api/scenarios/${id}`,
      `/api/scenarios/${id}/versions/1`,
      `/api/scenarios/${id}/export`,
      `/api/scenarios/${id}/customers`,
      `/api/dunning-rules?companyId=${frId}`,
      `/api/companies/${frId}/dunning-settings`,
    ];
    for (const url of reads) expect([url, (await collector.get(url)).statusCode]).toEqual([url, 403]);
    const writes = [
      await collector.send("POST", "/api/scenarios", {
        companyId: frId,
        code: "mine",
        name: "Mine",
        definition: twoSteps,
      }),
      await put(collector, `/api/scenarios/${id}`, { name: "Mine" }),
      await collector.send("POST", "/api/scenarios/import", {
        companyId: frId,
        document: {
          format: "encours.scenario",
          formatVersion: 1,
          code: "mine",
          name: "Mine",
          definition: twoSteps,
        },
      }),
      await collector.send("POST", "/api/dunning-rules", {
        companyId: frId,
        name: "Mine",
        priority: 1,
        scenarioId: id,
        conditions: [{ field: "is_strategic", op: "eq", value: false }],
      }),
      await collector.send("DELETE", "/api/dunning-rules/1"),
      await put(collector, `/api/companies/${frId}/dunning-settings`, {
        minGapDays: 0,
        catchUp: "all",
        sendWindowStart: "00:00",
        sendWindowEnd: "23:59",
        workingDays: [1, 2, 3, 4, 5, 6, 7],
        promiseGraceDays: 0,
        collectionEmail: null,
      }),
    ];
    expect(writes.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(writes[0]?.json().error.code).toBe("FORBIDDEN");
    expect((await summaries(frId)).map((s) => s.code)).not.toContain("mine");
    expect((await detail(id)).name).toBe("Standard");
    expect((await manager.get(`/api/dunning-rules?companyId=${frId}`)).json().items).toHaveLength(2);
    expect((await manager.get(`/api/companies/${frId}/dunning-settings`)).json().minGapDays).toBe(5);
  });

  it("answers 401 without a session", async () => {
    const response = await app.inject({ method: "GET", url: `/api/scenarios?companyId=${frId}` });
    expect(response.statusCode).toBe(401);
  });
});
