import type { SQL } from "drizzle-orm";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../../src/db/client";
import type { App } from "../../../src/domain/context";
import { fixedClock } from "../../../src/shared/clock";
import { buildTestApp, type Session, signIn } from "../../helpers/app";
import { makeUser } from "../../helpers/factories";
import { invoiceOf, makeDebtor, makeDunningCompany } from "../dunning/dunning-world";

/**
 * One company (WB, Europe/Paris, grace 3 days) for the workbench's HTTP tests; today is Monday 2026-03-02.
 * A (Sophie's, sales rep Thomas): A-1 1,200.00 due 02-20, A-2 500.00 due 02-25, A-3 800.00 due 03-20,
 * A-USD 300.00 USD, A-CN a credit note of −100.00, A-P paid. B (Sophie's): B-1 400.00. X (Julien's): X-1 900.00.
 */
export async function makeWorkbenchWorld(handle: DatabaseHandle) {
  const db = handle.db;
  const app: App = await buildTestApp(handle, { clock: fixedClock("2026-03-02T09:00:00Z") });
  const sophieUser = await makeUser(db, "collector", "Sophie Bernard");
  const julienUser = await makeUser(db, "collector", "Julien Petit");
  const repUser = await makeUser(db, "sales", "Thomas Leroy");
  const managerUser = await makeUser(db, "credit_manager", "Claire Martin");
  const viewerUser = await makeUser(db, "viewer", "Vera Lecture");
  const companyId = (await makeDunningCompany(db, "WB")).id;
  const a = await makeDebtor(db, companyId, "A", { collectorId: sophieUser.id, salesRepId: repUser.id });
  const b = await makeDebtor(db, companyId, "B", { collectorId: sophieUser.id });
  const x = await makeDebtor(db, companyId, "X", { collectorId: julienUser.id });
  const inv = {
    A1: (await invoiceOf(db, a, "A-1", "2026-02-20", 120000)).id,
    A2: (await invoiceOf(db, a, "A-2", "2026-02-25", 50000)).id,
    A3: (await invoiceOf(db, a, "A-3", "2026-03-20", 80000)).id,
    AUSD: (await invoiceOf(db, a, "A-USD", "2026-02-20", 30000)).id,
    ACN: (await invoiceOf(db, a, "A-CN", "2026-02-20", -10000)).id,
    AP: (await invoiceOf(db, a, "A-P", "2026-02-20", 20000, 0)).id,
    B1: (await invoiceOf(db, b, "B-1", "2026-02-20", 40000)).id,
    X1: (await invoiceOf(db, x, "X-1", "2026-02-20", 90000)).id,
  };
  await db.execute(sql`update invoice set currency = 'USD' where id = ${inv.AUSD}`);
  await db.execute(sql`update invoice set type = 'credit_note' where id = ${inv.ACN}`);
  await db.execute(sql`update invoice set status = 'paid' where id = ${inv.AP}`);
  const contactOf = async (customerId: number) =>
    (await db.execute<{ id: number }>(sql`select id from contact where customer_id = ${customerId}`)).rows[0]
      ?.id as number;
  return {
    app,
    companyId,
    users: { sophie: sophieUser.id, julien: julienUser.id, rep: repUser.id, manager: managerUser.id },
    customers: { A: a.id, B: b.id, X: x.id },
    contacts: { A: await contactOf(a.id), X: await contactOf(x.id) },
    invoices: inv,
    sessions: {
      sophie: await signIn(app, sophieUser.email),
      julien: await signIn(app, julienUser.email),
      rep: await signIn(app, repUser.email),
      manager: await signIn(app, managerUser.email),
      viewer: await signIn(app, viewerUser.email),
    } satisfies Record<string, Session>,
    async count(query: SQL): Promise<number> {
      return Number((await db.execute<{ n: number }>(query)).rows[0]?.n);
    },
  };
}

export type WorkbenchWorld = Awaited<ReturnType<typeof makeWorkbenchWorld>>;
