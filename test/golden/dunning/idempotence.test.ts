import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../src/db/client";
import { getScenarioDetail } from "../../../src/domain/dunning/get-scenario";
import { getScenarioRow, updateScenario } from "../../../src/domain/dunning/save-scenario";
import { SYSTEM_ACTOR } from "../../../src/domain/users/users.types";
import { fixedClock } from "../../../src/shared/clock";
import { openTestDatabase } from "../../helpers/db";
import { invoiceOf, makeDebtor, makeDunningCompany, runOn, summary } from "./dunning-world";

/** Two runs at once, a run that fails half-way, and a scenario edited while items are under way. */
let handle: DatabaseHandle;
const db = () => handle.db;

const count = async (table: string, companyId: number) =>
  Number(
    (
      await db().execute<{ n: number }>(
        sql`select count(*)::int as n from ${sql.raw(table)} where company_id = ${companyId}`,
      )
    ).rows[0]?.n,
  );

async function companyWithTenCustomers(code: string): Promise<number> {
  const companyId = (await makeDunningCompany(db(), code)).id;
  for (let i = 1; i <= 10; i++) {
    const debtor = await makeDebtor(db(), companyId, `${code}${i}`);
    await invoiceOf(db(), debtor, `${code}-${i}`, "2026-03-02", 10000 * i);
  }
  return companyId;
}

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle?.close());

describe("the run happens once per date, whatever happens", () => {
  it("two runs at once plan each action once", async () => {
    const companyId = await companyWithTenCustomers("TWIN");
    const [first, second] = await Promise.all([
      runOn(db(), companyId, "2026-03-09"),
      runOn(db(), companyId, "2026-03-09"),
    ]);
    // Ten customers at D+7: an email and a call task each, planned by one run; the other finds nothing.
    expect((first?.actions.length ?? 0) + (second?.actions.length ?? 0)).toBe(20);
    expect(await count("dunning_action", companyId)).toBe(20);
    expect(await count("outbox", companyId)).toBe(10);
    expect(await count("task", companyId)).toBe(10);
  });

  it("a run that fails half-way writes nothing, and the rerun plans everything once", async () => {
    const companyId = await companyWithTenCustomers("CRASH");
    await db().execute(sql`
      create function crash_on_task() returns trigger language plpgsql as $$
      begin raise exception 'simulated crash while creating tasks'; end $$`);
    await db().execute(
      sql`create trigger crash_on_task before insert on task for each row execute function crash_on_task()`,
    );
    await expect(runOn(db(), companyId, "2026-03-09")).rejects.toThrow();
    expect(await count("dunning_action", companyId)).toBe(0);
    expect(await count("outbox", companyId)).toBe(0);
    const steps = await db().execute(sql`
      select 1 from dunning_item_step s join invoice i on i.id = s.invoice_id where i.company_id = ${companyId}`);
    expect(steps.rows).toEqual([]);
    await db().execute(sql`drop trigger crash_on_task on task`);
    await db().execute(sql`drop function crash_on_task`);
    expect(summary(await runOn(db(), companyId, "2026-03-09"))).toHaveLength(20);
    expect(summary(await runOn(db(), companyId, "2026-03-09"))).toEqual([]);
    expect(await count("dunning_action", companyId)).toBe(20);
  });

  it("an invoice under way keeps the scenario version it began with; a new one follows the new version", async () => {
    const companyId = (await makeDunningCompany(db(), "VERS")).id;
    const early = await makeDebtor(db(), companyId, "EARLY");
    await invoiceOf(db(), early, "EARLY-1", "2026-03-02", 10000);
    expect(summary(await runOn(db(), companyId, "2026-03-04"))).toEqual([
      "EARLY d+0 alert",
      "EARLY d+0 email",
    ]);

    const ctx = { db: db(), clock: fixedClock("2026-03-05") };
    const standardId = Number(
      (
        await db().execute<{ id: number }>(
          sql`select id from dunning_scenario where company_id = ${companyId} and code = 'standard'`,
        )
      ).rows[0]?.id,
    );
    const current = await getScenarioDetail(ctx, await getScenarioRow(ctx, standardId));
    const steps = current.definition.steps.map((step) =>
      step.key === "d+7"
        ? {
            ...step,
            actions: [{ type: "letter" as const, contactRoles: [], cc: [], recipients: [], conditions: [] }],
          }
        : step,
    );
    const saved = await updateScenario(ctx, SYSTEM_ACTOR, standardId, {
      definition: { ...current.definition, steps },
      comment: "D+7 by letter",
    });
    expect(saved.version).toBe(2);
    expect(saved.versions.map((v) => v.comment)).toEqual(["D+7 by letter", "Shipped with Encours"]);

    const late = await makeDebtor(db(), companyId, "LATE");
    await invoiceOf(db(), late, "LATE-1", "2026-03-02", 10000);
    const day = await runOn(db(), companyId, "2026-03-09");
    expect(summary(day)).toEqual(["EARLY d+7 email", "EARLY d+7 task", "LATE d+7 letter"]);
    expect(day?.actions.find((a) => a.customer.externalRef === "EARLY")?.scenarioVersion).toBe(1);
    expect(day?.actions.find((a) => a.customer.externalRef === "LATE")?.scenarioVersion).toBe(2);
  });
});
