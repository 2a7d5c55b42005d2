import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../src/db/client";
import type { AppContext } from "../../../src/domain/context";
import type { ScenarioAction, ScenarioDefinition } from "../../../src/domain/dunning/dunning.schemas";
import { listScenarioSummaries } from "../../../src/domain/dunning/get-scenario";
import { createRule } from "../../../src/domain/dunning/save-rule";
import { createScenario } from "../../../src/domain/dunning/save-scenario";
import { SYSTEM_ACTOR } from "../../../src/domain/users/users.types";
import { fixedClock } from "../../../src/shared/clock";
import { openTestDatabase } from "../../helpers/db";
import { invoiceOf, makeDebtor, makeDunningCompany, runOn, summary } from "./dunning-world";

/**
 * Golden cases of step conditions, steps counted from the previous one, catch-up "all", assignment
 * rules with an override, and public holidays. Written by hand; 2026-03-02 is a Monday.
 */
let handle: DatabaseHandle;
const db = () => handle.db;
const ctx = (): AppContext => ({ db: db(), clock: fixedClock("2026-03-01") });

const email: ScenarioAction = { type: "email", contactRoles: [], cc: [], recipients: [], conditions: [] };
const RELATIVE: ScenarioDefinition = {
  steps: [
    {
      key: "s1",
      name: "First",
      offsetDays: 3,
      from: "due_date",
      review: false,
      conditions: [{ field: "payment_method", op: "not_in", values: ["direct_debit"] }],
      actions: [email],
    },
    {
      key: "s2",
      name: "Four days later",
      offsetDays: 4,
      from: "previous_step",
      review: false,
      conditions: [{ field: "days_past_due", op: "gte", value: 5 }],
      actions: [email],
    },
    {
      key: "s3",
      name: "Big balances",
      offsetDays: 20,
      from: "due_date",
      review: false,
      conditions: [{ field: "customer_overdue_total", op: "gte", value: "1000.00" }],
      actions: [{ ...email, type: "letter" }],
    },
  ],
};

describe("step conditions and steps counted from the previous one", () => {
  let companyId: number;
  beforeAll(async () => {
    handle = await openTestDatabase();
    companyId = (await makeDunningCompany(db(), "REL")).id;
    await createScenario(ctx(), SYSTEM_ACTOR, {
      companyId,
      code: "relative",
      name: "Relative",
      isDefault: true,
      definition: RELATIVE,
    });
    const r1 = await makeDebtor(db(), companyId, "R1", { paymentMethod: "transfer" });
    await invoiceOf(db(), r1, "R1-1", "2026-03-02", 50000);
    const r2 = await makeDebtor(db(), companyId, "R2", { paymentMethod: "direct_debit" });
    await invoiceOf(db(), r2, "R2-1", "2026-03-02", 50000);
    const r3 = await makeDebtor(db(), companyId, "R3", { paymentMethod: "transfer" });
    await invoiceOf(db(), r3, "R3-1", "2026-03-02", 150000);
  });

  it("03-05: the first step skips the direct-debit customer", async () => {
    expect(summary(await runOn(db(), companyId, "2026-03-05"))).toEqual(["R1 s1 email", "R3 s1 email"]);
  });

  it("03-09: four days after the first step; the direct-debit customer's second step falls on due + 7", async () => {
    expect(summary(await runOn(db(), companyId, "2026-03-09"))).toEqual([
      "R1 s2 email",
      "R2 s2 email",
      "R3 s2 email",
    ]);
  });

  it("03-23: the letter goes to the customer owing 1,500.00 only", async () => {
    const day = await runOn(db(), companyId, "2026-03-23");
    expect(summary(day)).toEqual(["R3 s3 letter"]);
    expect(day?.actions[0]?.reason).toContain("condition customer overdue total ≥ 1000.00 met");
  });

  afterAll(async () => handle?.close());
});

describe("catch-up 'all', rules, override and holidays", () => {
  let companyId: number;
  let other: number;
  beforeAll(async () => {
    handle = await openTestDatabase();
    companyId = (await makeDunningCompany(db(), "ALL")).id;
    await db().execute(sql`update company set dunning_catch_up = 'all' where id = ${companyId}`);
    const late = await makeDebtor(db(), companyId, "LATE");
    await invoiceOf(db(), late, "LATE-1", "2026-02-01", 10000);

    other = (await makeDunningCompany(db(), "RUL")).id;
    const scenarios = await listScenarioSummaries(ctx(), other);
    const small = scenarios.find((s) => s.code === "small-invoices");
    const standard = scenarios.find((s) => s.code === "standard");
    await createRule(ctx(), SYSTEM_ACTOR, {
      companyId: other,
      name: "Public sector",
      priority: 5,
      scenarioId: small?.id ?? 0,
      conditions: [{ field: "segment", op: "in", values: ["public"] }],
      isEnabled: true,
    });
    const s1 = await makeDebtor(db(), other, "S1", { segment: "public" });
    await invoiceOf(db(), s1, "S1-1", "2026-03-05", 10000);
    const s2 = await makeDebtor(db(), other, "S2", { segment: "sme" });
    await invoiceOf(db(), s2, "S2-1", "2026-03-05", 10000);
    const s3 = await makeDebtor(db(), other, "S3", { segment: "public", dunningScenarioId: standard?.id });
    await invoiceOf(db(), s3, "S3-1", "2026-03-05", 10000);
  });
  afterAll(async () => handle?.close());

  it("catch-up 'all' takes the missed steps one by one, the gap between messages kept", async () => {
    expect(summary(await runOn(db(), companyId, "2026-03-09"))).toEqual(["LATE d-5 email"]);
    const tuesday = await runOn(db(), companyId, "2026-03-10");
    expect(summary(tuesday)).toEqual([]);
    expect(tuesday?.deferred.map((d) => d.step)).toEqual(["d+0"]);
    expect(summary(await runOn(db(), companyId, "2026-03-12"))).toEqual(["LATE d+0 alert", "LATE d+0 email"]);
  });

  it("a rule sends the public sector to Small invoices, unless the customer has its own scenario", async () => {
    expect(summary(await runOn(db(), other, "2026-03-06"))).toEqual([
      "S1 d+1 email", // Small invoices: D+1
      "S2 d+0 alert", // Standard: D+0 is the latest step due
      "S2 d+0 email",
      "S3 d+0 alert", // public, but set to Standard on the customer itself
      "S3 d+0 email",
    ]);
  });

  it("plans nothing on a public holiday and says which", async () => {
    const easterMonday = await runOn(db(), other, "2026-04-06");
    expect(easterMonday?.skipped).toBe("public holiday: Lundi de Pâques");
    expect(summary(easterMonday)).toEqual([]);
  });
});
