import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeCustomer, makeInvoice, makePayment } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import type { AppContext } from "../context";
import { getCustomerClaim, getCustomerClaims } from "../legal/get-customer-claim";
import { SYSTEM_ACTOR } from "../users/users.types";
import { loadMessageDataMany } from "./message-data.repo";

/**
 * The outbox worker computes a batch's claims at once (with the data it loads for the messages): each
 * must equal the customer's own claim — partial payments made late, several currencies (GBP with the UK's compensation),
 * a company without a late-interest regime, a customer with nothing overdue.
 */
let handle: DatabaseHandle;
let ctx: AppContext;
const customers: { companyId: number; customerId: number }[] = [];
const now = new Date("2026-04-15T08:00:00Z");

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = { db: handle.db, clock: fixedClock(now.toISOString()) };
  const db = handle.db;
  const fr = await makeCompany(db, { code: "BCFR", country: "FR" });
  const us = await makeCompany(db, { code: "BCUS", country: "US", timeZone: "America/New_York" });
  const late = await makeCustomer(db, fr.id, { externalRef: "LATE" });
  const first = await makeInvoice(db, late, {
    dueDate: "2026-01-10",
    amountMinor: 150000,
    openAmountMinor: 90000,
  });
  await makePayment(db, { ...first, customerId: late.id }, { amountMinor: 60000, paymentDate: "2026-02-20" });
  await makeInvoice(db, late, { dueDate: "2026-03-01", amountMinor: 45060 });
  await makeInvoice(db, late, { dueDate: "2026-02-01", amountMinor: 99900, currency: "GBP" });
  await makeInvoice(db, late, { dueDate: "2026-06-01", amountMinor: 10000 });
  const onTime = await makeCustomer(db, fr.id, { externalRef: "ONTIME" });
  await makeInvoice(db, onTime, { dueDate: "2026-05-01", amountMinor: 20000 });
  const abroad = await makeCustomer(db, us.id, { externalRef: "ABROAD" });
  await makeInvoice(db, abroad, { dueDate: "2026-02-15", amountMinor: 30000, currency: "USD" });
  customers.push(
    { companyId: fr.id, customerId: late.id },
    { companyId: fr.id, customerId: onTime.id },
    { companyId: us.id, customerId: abroad.id },
  );
});

afterAll(async () => {
  await handle?.close();
});

describe("getCustomerClaims, for a batch of letters", () => {
  it("computes each customer's claim as getCustomerClaim does", async () => {
    const loaded = await loadMessageDataMany(
      handle.db,
      now,
      customers.map((c) => ({ ...c, actionId: null, recipient: null })),
    );
    const claims = await getCustomerClaims(
      ctx,
      customers.map((c, i) => ({
        customerId: c.customerId,
        companyCountry: loaded[i]!.companyCountry,
        today: loaded[i]!.today,
      })),
    );
    for (const { customerId } of customers) {
      expect(claims.get(customerId)).toEqual(await getCustomerClaim(ctx, SYSTEM_ACTOR, customerId));
    }
    const [late] = customers;
    const lateClaim = claims.get(late!.customerId)!;
    expect(lateClaim.items.map((i) => i.currency)).toEqual(["EUR", "GBP", "EUR"]);
    expect(lateClaim.totals.map((t) => t.currency)).toEqual(["EUR", "GBP"]);
    expect(Number(lateClaim.totals[0]?.interest)).toBeGreaterThan(0);
  });
});
