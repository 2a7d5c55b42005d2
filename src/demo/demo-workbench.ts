import type { Database } from "../db/client";
import type { AppContext } from "../domain/context";
import type { Actor } from "../domain/users/users.types";
import { SYSTEM_ACTOR } from "../domain/users/users.types";
import { checkPromises } from "../domain/workbench/check-promises";
import { addNote } from "../domain/workbench/customer-notes";
import { addDepartment } from "../domain/workbench/edit-departments";
import { logCall } from "../domain/workbench/log-call";
import { openDispute } from "../domain/workbench/open-dispute";
import { recordPromise } from "../domain/workbench/record-promise";
import { transitionDispute } from "../domain/workbench/transition-dispute";
import { fixedClock } from "../shared/clock";
import { addDays, type IsoDate } from "../shared/dates";
import { type DemoCandidate, selectDemoCandidates } from "./demo.repo";
import { DEMO_STAFF, DEMO_USERS, type DemoCompanyCode } from "./demo-staff";

/** Each company's departments, that disputes are given to. */
const DEPARTMENTS: Record<DemoCompanyCode, { logistics: [string, string]; sales: [string, string] }> = {
  FR: {
    logistics: ["Logistique", "logistique@atelier-dupont.example"],
    sales: ["Administration des ventes", "adv@atelier-dupont.example"],
  },
  DE: {
    logistics: ["Logistik", "logistik@nordwerk.example"],
    sales: ["Vertriebsinnendienst", "innendienst@nordwerk.example"],
  },
};

const WORDS = {
  fr: {
    priceNote: "Le client conteste la remise de 5 % promise par le commercial",
    deliveryNote: "Livraison incomplète selon le client : bon de livraison demandé",
    promiseNote: "Virement annoncé par la comptable après validation du DAF",
    brokenNote: "Promesse faite au téléphone, à relancer si rien n'arrive",
    voicemail: "Messagerie : rappeler en fin de matinée",
    callTask: "Rappeler la comptable",
    pinned: "Ne pas appeler le lundi matin : clôture comptable. Interlocutrice : service comptabilité.",
    pastNote: "Réclamation du client sur la facture",
    rejected: "Réclamation infondée : bon de livraison signé et conforme à la commande",
    resolved: "Accord trouvé avec le client : la facture est due telle quelle",
  },
  de: {
    priceNote: "Der Kunde bestreitet den vom Vertrieb zugesagten Rabatt von 5 %",
    deliveryNote: "Laut Kunde unvollständige Lieferung: Lieferschein angefordert",
    promiseNote: "Überweisung von der Buchhaltung nach Freigabe angekündigt",
    brokenNote: "Zusage am Telefon, nachfassen, falls nichts eingeht",
    voicemail: "Mailbox: gegen Mittag zurückrufen",
    callTask: "Buchhaltung zurückrufen",
    pinned: "Montags vormittags nicht anrufen: Monatsabschluss. Ansprechpartnerin: Buchhaltung.",
    pastNote: "Reklamation des Kunden zur Rechnung",
    rejected: "Reklamation unbegründet: Lieferschein unterschrieben und auftragsgemäß",
    resolved: "Einigung mit dem Kunden: die Rechnung ist wie gestellt fällig",
  },
};

export type DemoWorkCounts = {
  departments: number;
  disputes: number;
  /** Disputes of the past months, already settled: the dispute KPIs have a history too. */
  pastDisputes: number;
  promises: number;
  calls: number;
  notes: number;
};

function noWork(): DemoWorkCounts {
  return { departments: 0, disputes: 0, pastDisputes: 0, promises: 0, calls: 0, notes: 0 };
}

/** Adds `more` to `total`, count by count. */
function addWork(total: DemoWorkCounts, more: DemoWorkCounts): void {
  for (const key of Object.keys(total) as (keyof DemoWorkCounts)[]) total[key] += more[key];
}

function userIdOf(email: string, userIds: ReadonlyMap<string, number>): number {
  const userId = userIds.get(email);
  if (userId === undefined) throw new Error(`demo user ${email} is missing`);
  return userId;
}

function actorOf(email: string, userIds: ReadonlyMap<string, number>): Actor & { userId: number } {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`demo user ${email} is not a demo account`);
  const userId = userIdOf(email, userIds);
  return { kind: "user", userId, role: user.role, name: user.name, language: user.language };
}

/** A context whose clock reads `days` before today at 10:00 UTC: what the collector did then. */
function daysAgo(db: Database, today: IsoDate, days: number): AppContext {
  return { db, clock: fixedClock(`${addDays(today, -days)}T10:00:00Z`) };
}

/**
 * A collector's recent work on their customers that owe something overdue, through the same use cases as the
 * web pages (so holds, alerts, emails and timelines are the real ones): two disputes (one past its deadline,
 * given to a department), a call with a promise, a promise already broken, a call that reached the voicemail
 * with a call-back task for today, and a pinned note.
 */
async function seedCollector(
  db: Database,
  input: {
    today: IsoDate;
    collector: Actor;
    salesRepId: number;
    departments: { logistics: number; sales: number };
    customers: readonly DemoCandidate[];
  },
): Promise<DemoWorkCounts> {
  const { today, collector, customers } = input;
  const words = collector.language === "de" ? WORDS.de : WORDS.fr;
  const counts = noWork();
  const [price, delivery, promised, broken, voicemail, noted] = customers;
  if (price) {
    await openDispute(daysAgo(db, today, 12), collector, price.id, {
      invoices: [{ invoiceId: price.firstInvoiceId }],
      reason: "price",
      ownerId: input.salesRepId,
      departmentId: input.departments.sales,
      deadline: addDays(today, 18),
      note: words.priceNote,
    });
    counts.disputes += 1;
  }
  if (delivery) {
    await openDispute(daysAgo(db, today, 40), collector, delivery.id, {
      invoices: [{ invoiceId: delivery.firstInvoiceId }],
      reason: "not_received",
      departmentId: input.departments.logistics,
      deadline: addDays(today, -10),
      note: words.deliveryNote,
    });
    counts.disputes += 1;
  }
  if (promised) {
    await logCall(daysAgo(db, today, 2), collector, promised.id, {
      outcome: "reached",
      note: words.promiseNote,
      promise: {
        amount: promised.firstOpen,
        promisedDate: addDays(today, 5),
        invoiceIds: [promised.firstInvoiceId],
        channel: "phone",
      },
    });
    counts.calls += 1;
    counts.promises += 1;
  }
  if (broken) {
    await recordPromise(daysAgo(db, today, 25), collector, broken.id, {
      amount: broken.firstOpen,
      promisedDate: addDays(today, -15),
      invoiceIds: [broken.firstInvoiceId],
      channel: "phone",
      note: words.brokenNote,
    });
    counts.promises += 1;
  }
  if (voicemail) {
    await logCall(daysAgo(db, today, 1), collector, voicemail.id, {
      outcome: "voicemail",
      note: words.voicemail,
      nextTask: { type: "call", dueDate: today, title: words.callTask },
    });
    counts.calls += 1;
  }
  if (noted) {
    await addNote(daysAgo(db, today, 30), collector, noted.id, { body: words.pinned, isPinned: true });
    counts.notes += 1;
  }
  return counts;
}

/** How long ago each past dispute was opened, and the reason the customer gave. */
const PAST_DISPUTES = [
  { daysAgo: 480, reason: "quality" },
  { daysAgo: 370, reason: "quantity" },
  { daysAgo: 260, reason: "missing_purchase_order" },
  { daysAgo: 150, reason: "price" },
] as const;

/**
 * Disputes of the past months on invoices still unpaid (issued before the oldest was opened), each reviewed
 * three days after it was opened and rejected or resolved three to six weeks later, as the collector would
 * have done through the disputes page. They give the dispute KPIs of the backfilled snapshots a history.
 */
async function seedPastDisputes(
  db: Database,
  input: { today: IsoDate; collector: Actor; customers: readonly DemoCandidate[] },
): Promise<number> {
  const { today, collector } = input;
  const words = collector.language === "de" ? WORDS.de : WORDS.fr;
  let seeded = 0;
  for (const [index, past] of PAST_DISPUTES.entries()) {
    const customer = input.customers[index];
    if (!customer) break;
    const opened = await openDispute(daysAgo(db, today, past.daysAgo), collector, customer.id, {
      invoices: [{ invoiceId: customer.firstInvoiceId }],
      reason: past.reason,
      deadline: addDays(today, 30 - past.daysAgo),
      note: words.pastNote,
    });
    const disputeId = opened[0]?.id;
    if (disputeId === undefined) throw new Error(`demo dispute for customer ${customer.id} was not opened`);
    await transitionDispute(daysAgo(db, today, past.daysAgo - 3), collector, disputeId, {
      to: "under_review",
    });
    const rejected = index % 2 === 0;
    await transitionDispute(daysAgo(db, today, past.daysAgo - 21 - 7 * index), collector, disputeId, {
      to: rejected ? "rejected" : "resolved",
      note: rejected ? words.rejected : words.resolved,
    });
    seeded += 1;
  }
  return seeded;
}

/**
 * The collectors' work of the last weeks on the demo ledger, so that the agenda, the customer pages, the
 * disputes and promises pages and the KPIs show it right after the first start: each company's departments,
 * then for each collector disputes, promises (one kept waiting, one broken), calls, a task and a pinned note.
 * Deterministic: the customers are the first ones, by id, that owe an overdue amount.
 */
export async function seedDemoWork(
  db: Database,
  input: {
    today: IsoDate;
    companyIds: Record<DemoCompanyCode, number>;
    userIds: ReadonlyMap<string, number>;
  },
): Promise<DemoWorkCounts> {
  const total = noWork();
  const ctx: AppContext = { db, clock: fixedClock(`${input.today}T10:00:00Z`) };
  for (const [code, companyId] of Object.entries(input.companyIds) as [DemoCompanyCode, number][]) {
    const add = async ([name, email]: [string, string]) => {
      const list = await addDepartment(ctx, SYSTEM_ACTOR, { companyId, input: { name, email } });
      const added = list.items.find((d) => d.name === name);
      if (!added) throw new Error(`demo department ${name} was not added`);
      total.departments += 1;
      return added.id;
    };
    const departments = {
      logistics: await add(DEPARTMENTS[code].logistics),
      sales: await add(DEPARTMENTS[code].sales),
    };
    const staff = DEMO_STAFF[code];
    const salesRepId = userIdOf(staff.salesRep, input.userIds);
    for (const email of staff.collectors) {
      const collector = actorOf(email, input.userIds);
      const customers = await selectDemoCandidates(db, {
        collectorId: collector.userId,
        before: addDays(input.today, -45),
        today: input.today,
        limit: 6,
      });
      const counts = await seedCollector(db, {
        today: input.today,
        collector,
        salesRepId,
        departments,
        customers,
      });
      const older = await selectDemoCandidates(db, {
        collectorId: collector.userId,
        before: addDays(input.today, -PAST_DISPUTES[0].daysAgo),
        today: input.today,
        limit: customers.length + PAST_DISPUTES.length,
      });
      total.pastDisputes += await seedPastDisputes(db, {
        today: input.today,
        collector,
        customers: older.filter((c) => !customers.some((recent) => recent.id === c.id)),
      });
      addWork(total, counts);
    }
  }
  // The morning pass: the promise whose date (and grace) went by without payment is broken.
  await checkPromises(ctx);
  return total;
}
