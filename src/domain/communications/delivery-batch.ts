import type { Tx } from "../../db/client";
import type { AppContext } from "../context";
import { getCustomerClaims } from "../legal/get-customer-claim";
import type { CustomerClaim } from "../legal/legal.schemas";
import { selectActionDocuments, selectActionsWithDocuments } from "./attachments.repo";
import type { Template, TemplateKey } from "./communications.schemas";
import { findCurrentTemplate } from "./find-template";
import { insertLetterDocuments, type NewLetterDocument } from "./letters.repo";
import { type LoadedMessageData, loadMessageDataMany } from "./message-data.repo";
import { type ClaimedMessage, recordSentMany, type SentRecord } from "./outbox.repo";
import type { Preloaded } from "./render-message";
import type { EmailAttachment } from "./transport";

/**
 * What the worker reads once per claimed batch instead of once per message: every message's data
 * (a handful of set-based queries), each template once, and which actions have documents to attach.
 * Loaded at first use; a loading error fails the messages that needed it, as a per-message error would.
 */
export type DeliveryBatch = {
  /** The message's data and the batch's templates; letters are about the customer, not a contact. */
  preloaded(message: ClaimedMessage & { customer_id: number }): Promise<Preloaded>;
  /** The documents kept with the invoices of an action (none for most). */
  documentsOf(actionId: number): Promise<EmailAttachment[]>;
};

const recipientOf = (message: ClaimedMessage) => (message.channel === "letter" ? null : message.recipient);

export function deliveryBatch(ctx: AppContext, claimed: readonly ClaimedMessage[], now: Date): DeliveryBatch {
  const about = claimed.filter((m): m is ClaimedMessage & { customer_id: number } => m.customer_id !== null);
  let loading: Promise<Map<number, LoadedMessageData | null>> | undefined;
  const load = () => {
    loading ??= loadMessageDataMany(
      ctx.db,
      now,
      about.map((m) => ({
        companyId: m.company_id,
        customerId: m.customer_id,
        actionId: m.action_id,
        recipient: recipientOf(m),
      })),
    ).then((rows) => new Map(about.map((m, i) => [m.id, rows[i] ?? null])));
    return loading;
  };
  const templates = new Map<string, Promise<Template | null>>();
  const findTemplate = (companyId: number, key: TemplateKey) => {
    const id = `${companyId}\u0000${key.code}\u0000${key.language}\u0000${key.channel}`;
    let found = templates.get(id);
    if (!found) {
      found = findCurrentTemplate(ctx.db, companyId, key);
      templates.set(id, found);
    }
    return found;
  };
  let claims: Promise<Map<number, CustomerClaim>> | undefined;
  const claimOf = async (customerId: number) => {
    claims ??= load().then((loaded) =>
      getCustomerClaims(
        ctx,
        about.flatMap((m) => {
          const data = loaded.get(m.id);
          return data
            ? [{ customerId: m.customer_id, companyCountry: data.companyCountry, today: data.today }]
            : [];
        }),
      ),
    );
    const claim = (await claims).get(customerId);
    if (!claim) throw new Error(`Customer ${customerId} was not found`);
    return claim;
  };
  let withDocuments: Promise<Set<number>> | undefined;
  const actionIds = [...new Set(about.map((m) => m.action_id).filter((id): id is number => id !== null))];
  return {
    async preloaded(message) {
      const data = (await load()).get(message.id);
      if (!data) throw new Error(`Customer ${message.customer_id} was not found`);
      return {
        data,
        findTemplate: (key) => findTemplate(message.company_id, key),
        claim: () => claimOf(message.customer_id),
      };
    },
    async documentsOf(actionId) {
      withDocuments ??= selectActionsWithDocuments(ctx.db, actionIds);
      if (!(await withDocuments).has(actionId)) return [];
      return selectActionDocuments(ctx.db, actionId);
    },
  };
}

/** A message that left, to record; a letter also keeps its PDF. */
export type Delivery = { record: SentRecord; letter?: NewLetterDocument };

/** Deliveries recorded per group, each group in one transaction, in order. */
const GROUP = 50;

/**
 * Records sent messages in groups rather than one transaction each: a group is written once it is
 * full and at the end of the batch. Until then its rows stay `sending`, which no worker claims, so a
 * crash in between can lose the record of a message, never send it twice.
 */
export class SentRecorder {
  private pending: Delivery[] = [];
  private written: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: AppContext) {}

  /** Adds a delivery; resolves once recorded when this one completes a group, at once otherwise. */
  add(delivery: Delivery): Promise<void> {
    this.pending.push(delivery);
    return this.pending.length >= GROUP ? this.flush() : Promise.resolve();
  }

  /** Writes what is pending; resolves when every group so far is recorded. */
  flush(): Promise<void> {
    const group = this.pending;
    this.pending = [];
    if (group.length > 0) {
      this.written = this.written.then(() => this.ctx.db.transaction((tx) => recordDeliveries(tx, group)));
    }
    return this.written;
  }
}

async function recordDeliveries(tx: Tx, group: readonly Delivery[]): Promise<void> {
  const letters = group.flatMap((d) => (d.letter ? [d.letter] : []));
  const letterIds = await insertLetterDocuments(tx, letters);
  await recordSentMany(
    tx,
    group.map(({ record, letter }) =>
      letter
        ? { ...record, rendered: { ...record.rendered, letterId: letterIds.get(record.message.id) ?? null } }
        : record,
    ),
  );
}
