import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorkbenchWorld, type WorkbenchWorld } from "../../../test/golden/workbench/workbench-world";
import { openTestDatabase } from "../../../test/helpers/db";
import type { DatabaseHandle } from "../../db/client";
import type { CustomerDunning } from "../dunning/dunning.schemas";
import type { PromiseList, PromiseToPay } from "./workbench.schemas";

/** Promises to pay through HTTP: recording, the hold it puts on dunning, the list, cancelling, portfolios. */
let handle: DatabaseHandle;
let w: WorkbenchWorld;

beforeAll(async () => {
  handle = await openTestDatabase();
  w = await makeWorkbenchWorld(handle);
});
afterAll(async () => {
  await w?.app.close();
  await handle?.close();
});

const promises = () => w.count(sql`select count(*)::int as n from promise_to_pay`);

function record(body: unknown, session = w.sessions.sophie, customerId = w.customers.A) {
  return session.send("POST", `/api/customers/${customerId}/promises`, body);
}

describe("promises to pay", () => {
  let promise: PromiseToPay;

  it("records a promise on invoices of the customer, held until the promised date + grace days", async () => {
    const response = await record({
      amount: "1700",
      promisedDate: "2026-03-13",
      invoiceIds: [w.invoices.A2, w.invoices.A1],
      channel: "email",
      note: "Virement annoncé par la comptable",
    });
    expect(response.statusCode).toBe(201);
    promise = response.json();
    expect(promise).toMatchObject({
      customerId: w.customers.A,
      status: "open",
      amount: "1700.00",
      paid: "0.00",
      currency: "EUR",
      promisedDate: "2026-03-13",
      graceDays: 3,
      deadline: "2026-03-16",
      madeOn: "2026-03-02",
      channel: "email",
      note: "Virement annoncé par la comptable",
      invoices: [
        { id: w.invoices.A1, number: "A-1" },
        { id: w.invoices.A2, number: "A-2" },
      ],
      createdBy: { id: w.users.sophie, name: "Sophie Bernard" },
    });
    const dunning: CustomerDunning = (
      await w.sessions.sophie.get(`/api/customers/${w.customers.A}/dunning`)
    ).json();
    expect(
      dunning.holds
        .filter((h) => h.kind === "promise")
        .map((h) => [h.invoiceNumber, h.untilDate])
        .sort(),
    ).toEqual([
      ["A-1", "2026-03-16"],
      ["A-2", "2026-03-16"],
    ]);
    const entry = (await w.sessions.sophie.get(`/api/customers/${w.customers.A}/timeline`)).json().items[0];
    expect(entry).toMatchObject({
      type: "promise",
      summary: "Promise to pay 1700.00 EUR by 2026-03-13 (A-1, A-2)",
      data: { promiseId: promise.id, amount: "1700.00", channel: "email" },
    });
  });

  it("refuses what a promise cannot be, and writes nothing", async () => {
    const before = await promises();
    const cases: [unknown, number, string, string][] = [
      [{ amount: "10", promisedDate: "2026-03-13", invoiceIds: [w.invoices.A1] }, 409, "CONFLICT", ""],
      [
        { amount: "800.01", promisedDate: "2026-03-13", invoiceIds: [w.invoices.A3] },
        400,
        "VALIDATION",
        "amount",
      ],
      [
        { amount: "1.001", promisedDate: "2026-03-13", invoiceIds: [w.invoices.A3] },
        400,
        "VALIDATION",
        "amount",
      ],
      [
        { amount: "10", promisedDate: "2026-03-01", invoiceIds: [w.invoices.A3] },
        400,
        "VALIDATION",
        "promisedDate",
      ],
      [
        { amount: "10", promisedDate: "2026-03-13", invoiceIds: [w.invoices.A3, w.invoices.AUSD] },
        400,
        "VALIDATION",
        "invoiceIds",
      ],
      [
        { amount: "10", promisedDate: "2026-03-13", invoiceIds: [w.invoices.X1] },
        400,
        "VALIDATION",
        "invoiceIds",
      ],
      [
        { amount: "10", promisedDate: "2026-03-13", invoiceIds: [w.invoices.ACN] },
        400,
        "VALIDATION",
        "invoiceIds",
      ],
      [{ amount: "0", promisedDate: "2026-03-13", invoiceIds: [w.invoices.A3] }, 400, "VALIDATION", "amount"],
      [{ amount: "10", promisedDate: "2026-03-13", invoiceIds: [] }, 400, "VALIDATION", "invoiceIds"],
    ];
    for (const [body, status, code, field] of cases) {
      const response = await record(body);
      expect([JSON.stringify(body), response.statusCode, response.json().error.code]).toEqual([
        JSON.stringify(body),
        status,
        code,
      ]);
      if (field) expect(response.json().error.issues[0].field).toBe(field);
    }
    expect(
      (await record({ amount: "10", promisedDate: "2026-03-13", invoiceIds: [w.invoices.X1] })).json().error
        .issues[0].message,
    ).toBe("not invoices of this customer");
    expect(await promises()).toBe(before);
  });

  it("lists the customer's promises with the promise-kept rate", async () => {
    const list: PromiseList = (await w.sessions.rep.get(`/api/customers/${w.customers.A}/promises`)).json();
    expect(list.items.map((p) => p.id)).toEqual([promise.id]);
    expect(list.keptRate).toBeNull();
    expect(list.counts).toEqual({ open: 1, kept: 0, partlyKept: 0, broken: 0, cancelled: 0 });
  });

  it("cancels an open promise once; dunning resumes", async () => {
    expect((await w.sessions.rep.send("POST", `/api/promises/${promise.id}/cancel`, {})).statusCode).toBe(
      403,
    );
    expect((await w.sessions.julien.send("POST", `/api/promises/${promise.id}/cancel`, {})).statusCode).toBe(
      404,
    );
    const cancelled = await w.sessions.sophie.send("POST", `/api/promises/${promise.id}/cancel`, {
      note: "Promesse remplacée",
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ id: promise.id, status: "cancelled" });
    const again = await w.sessions.sophie.send("POST", `/api/promises/${promise.id}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("INVALID_STATE");
    const dunning: CustomerDunning = (
      await w.sessions.sophie.get(`/api/customers/${w.customers.A}/dunning`)
    ).json();
    expect(dunning.holds.filter((h) => h.kind === "promise")).toEqual([]);
    // The invoices are free again for a new promise.
    expect(
      (await record({ amount: "100", promisedDate: "2026-03-05", invoiceIds: [w.invoices.A1] })).statusCode,
    ).toBe(201);
  });

  it("keeps the promises of other portfolios out, and lets only the people who work customers write", async () => {
    const body = { amount: "10", promisedDate: "2026-03-13", invoiceIds: [w.invoices.A3] };
    expect((await w.sessions.julien.get(`/api/customers/${w.customers.A}/promises`)).statusCode).toBe(404);
    expect((await record(body, w.sessions.julien)).statusCode).toBe(404);
    expect((await record(body, w.sessions.rep)).statusCode).toBe(403);
    expect((await record(body, w.sessions.viewer)).statusCode).toBe(403);
    expect((await w.sessions.viewer.get(`/api/customers/${w.customers.A}/promises`)).statusCode).toBe(200);
    expect((await record(body, w.sessions.manager)).statusCode).toBe(201);
  });
});
