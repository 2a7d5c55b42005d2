import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../src/db/client";
import { SYSTEM_ACTOR } from "../../../src/domain/users/users.types";
import { checkPromises } from "../../../src/domain/workbench/check-promises";
import { recordPromise } from "../../../src/domain/workbench/record-promise";
import { fixedClock } from "../../../src/shared/clock";
import type { IsoDate } from "../../../src/shared/dates";
import { openTestDatabase } from "../../helpers/db";
import { invoiceOf, makeDebtor, makeDunningCompany, runOn, summary } from "../dunning/dunning-world";

/**
 * The dunning run and a promise to pay, on the shipped Standard scenario (D+0 email + alert, D+7 email + call
 * task). O and H each owe one invoice due Monday 2026-03-02. H promises on that morning to pay by Wednesday
 * 03-04: with 3 days' grace its invoice is held through Saturday 03-07. Nothing is paid: on Monday 03-09 the
 * check finds the promise broken, and the run takes H up at the step it has reached (D+7), as it does for O.
 */
let handle: DatabaseHandle;
let companyId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  companyId = (await makeDunningCompany(db, "PHOLD")).id;
  await invoiceOf(db, await makeDebtor(db, companyId, "O"), "O-1", "2026-03-02", 120000);
  const h = await makeDebtor(db, companyId, "H");
  const h1 = await invoiceOf(db, h, "H-1", "2026-03-02", 120000);
  await recordPromise({ db, clock: fixedClock("2026-03-02T05:00:00Z") }, SYSTEM_ACTOR, h.id, {
    amount: "1200.00",
    promisedDate: "2026-03-04" as IsoDate,
    invoiceIds: [h1.id],
    channel: "phone",
  });
});
afterAll(async () => handle?.close());

describe("a promise to pay and the dunning run", () => {
  it("holds the promised invoice while the promise runs, and resumes after it is broken", async () => {
    expect(summary(await runOn(handle.db, companyId, "2026-03-02"))).toEqual(["O d+0 alert", "O d+0 email"]);
    expect(summary(await runOn(handle.db, companyId, "2026-03-06"))).toEqual([]);

    const checked = await checkPromises({ db: handle.db, clock: fixedClock("2026-03-09T05:00:00Z") });
    expect(checked.map((p) => [p.customerRef, p.status, p.deadline])).toEqual([
      ["H", "broken", "2026-03-07"],
    ]);

    expect(summary(await runOn(handle.db, companyId, "2026-03-09"))).toEqual([
      "H d+7 email",
      "H d+7 task",
      "O d+7 email",
      "O d+7 task",
    ]);
  });
});
