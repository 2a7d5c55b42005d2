import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import type { IsoDate } from "../../shared/dates";
import { DomainError, type FieldIssue, notFound } from "../../shared/errors";
import { formatMajor, money, parseMajor } from "../../shared/money";
import { recordAudit } from "../audit/audit.repo";
import type { Actor } from "../users/users.types";
import { applyMatches, type MatchToApply } from "./apply-matches.repo";
import { type LineRow, selectInvoiceFacts, selectLine } from "./bank-lines.repo";
import { selectMatchingCompanies } from "./candidates.repo";
import type { Reason } from "./engine/engine.types";
import type { ManualMatchBody } from "./matching.schemas";
import { lockCompany, settingsOf } from "./run-matching";
import { reverseMatch, selectLiveMatch } from "./undo.repo";

export type HandProposal = {
  customerId: number;
  allocations: { invoiceId: number; amountMinor: number }[];
  writeOff: { invoiceId: number; amountMinor: number; reason: string } | null;
  rule: string;
  score: number | null;
  reasons: Reason[];
};

/** The line, locked with its company's matching lock; it must be a credit waiting for a match. */
export async function lockLine(tx: Tx, lineId: number): Promise<LineRow> {
  const first = await selectLine(tx, lineId);
  if (!first) throw notFound("Bank line", lineId);
  await lockCompany(tx, Number(first.company_id));
  const line = await selectLine(tx, lineId);
  if (!line) throw notFound("Bank line", lineId);
  return line;
}

export function parseAmount(text: string, currency: string, field: string): number {
  try {
    return parseMajor(text, currency).minor;
  } catch (error) {
    throw new DomainError("VALIDATION", `${field}: ${(error as Error).message}`, {
      issues: [{ field, value: text, message: (error as Error).message }],
    });
  }
}

export function toHandProposal(line: LineRow, body: ManualMatchBody): HandProposal {
  return {
    customerId: body.customerId,
    allocations: body.allocations.map((a, i) => ({
      invoiceId: a.invoiceId,
      amountMinor: parseAmount(a.amount, line.currency, `allocations[${i}].amount`),
    })),
    writeOff: body.writeOff
      ? {
          invoiceId: body.writeOff.invoiceId,
          amountMinor: parseAmount(body.writeOff.amount, line.currency, "writeOff.amount"),
          reason: body.writeOff.reason,
        }
      : null,
    rule: "manual",
    score: null,
    reasons: [],
  };
}

/**
 * Checks a match proposed by a person (or a stored suggestion, which may have aged) against what is
 * open now: the customer's items, in the line's currency, never beyond what each still owes, never more
 * than the line brings, a write-off within the company's tolerance. Every problem is named.
 */
async function check(tx: Tx, line: LineRow, proposal: HandProposal): Promise<void> {
  const issues: FieldIssue[] = [];
  const customer = await tx.execute<{ company_id: number }>(
    sql`select company_id::float8 as company_id from customer where id = ${proposal.customerId}`,
  );
  if (Number(customer.rows[0]?.company_id) !== Number(line.company_id)) {
    issues.push({
      field: "customerId",
      value: proposal.customerId,
      message: "is not a customer of this line's company",
    });
  }
  const ids = [
    ...proposal.allocations.map((a) => a.invoiceId),
    ...(proposal.writeOff ? [proposal.writeOff.invoiceId] : []),
  ];
  const invoices = await selectInvoiceFacts(tx, ids);
  const owed = new Map<number, number>();
  const taken = new Map<number, number>();
  proposal.allocations.forEach((a, i) => {
    const facts = invoices.get(a.invoiceId);
    const field = `allocations[${i}]`;
    if (!facts || facts.customer_id !== proposal.customerId) {
      issues.push({ field, value: a.invoiceId, message: "is not an invoice of this customer" });
      return;
    }
    if (facts.status !== "open") issues.push({ field, value: facts.number, message: "is no longer open" });
    if (facts.currency !== line.currency)
      issues.push({
        field,
        value: facts.number,
        message: `is in ${facts.currency}, the payment in ${line.currency}`,
      });
    if (a.amountMinor === 0 || Math.sign(a.amountMinor) !== Math.sign(facts.open_amount_minor))
      issues.push({
        field: `${field}.amount`,
        value: formatMajor(money(a.amountMinor, line.currency)),
        message: "must have the sign of the open amount (negative for a credit note)",
      });
    owed.set(a.invoiceId, Number(facts.open_amount_minor));
    taken.set(a.invoiceId, (taken.get(a.invoiceId) ?? 0) + a.amountMinor);
  });
  const total = proposal.allocations.reduce((sum, a) => sum + a.amountMinor, 0);
  if (total > line.amount_minor) {
    issues.push({
      field: "allocations",
      value: formatMajor(money(total, line.currency)),
      message: `allocate at most the payment's ${line.amount} ${line.currency}`,
    });
  }
  if (proposal.writeOff) {
    const w = proposal.writeOff;
    const facts = invoices.get(w.invoiceId);
    const company = (await selectMatchingCompanies(tx, Number(line.company_id)))[0];
    const tolerance = company ? settingsOf(company, line.currency).writeOffToleranceMinor : 0;
    if (
      !facts ||
      facts.customer_id !== proposal.customerId ||
      facts.status !== "open" ||
      facts.type !== "invoice"
    ) {
      issues.push({
        field: "writeOff.invoiceId",
        value: w.invoiceId,
        message: "is not an open invoice of this customer",
      });
    } else {
      owed.set(w.invoiceId, Number(facts.open_amount_minor));
      taken.set(w.invoiceId, (taken.get(w.invoiceId) ?? 0) + w.amountMinor);
    }
    if (w.amountMinor <= 0 || w.amountMinor > tolerance) {
      issues.push({
        field: "writeOff.amount",
        value: formatMajor(money(w.amountMinor, line.currency)),
        message: `must be positive and at most the write-off tolerance of ${formatMajor(money(tolerance, line.currency))} ${line.currency}`,
      });
    }
  }
  for (const [invoiceId, amount] of taken) {
    const open = owed.get(invoiceId) ?? 0;
    if (Math.abs(amount) > Math.abs(open)) {
      issues.push({
        field: "allocations",
        value: invoices.get(invoiceId)?.number,
        message: `exceeds what the item still owes (${formatMajor(money(open, line.currency))} ${line.currency})`,
      });
    }
  }
  if (issues.length > 0) {
    throw new DomainError(
      "VALIDATION",
      `This match does not fit: ${issues[0]?.field} ${issues[0]?.message}`,
      { issues },
    );
  }
}

/** Applies a checked match to a line waiting for one (a line kept as unapplied cash is re-matched). */
export async function applyByHand(
  tx: Tx,
  actor: Actor,
  line: LineRow,
  proposal: HandProposal,
  now: Date,
): Promise<void> {
  if (line.amount_minor <= 0) {
    throw new DomainError("INVALID_STATE", "Only money received can be matched to open items", {
      issues: [{ field: "lineId", value: line.id, message: "is a debit" }],
    });
  }
  if (!["unmatched", "suggested", "unapplied"].includes(line.status)) {
    throw new DomainError(
      "INVALID_STATE",
      `This line is ${line.status}: undo its match or restore it first`,
      {
        issues: [
          { field: "status", value: line.status, message: "must be unmatched, suggested or unapplied" },
        ],
      },
    );
  }
  await check(tx, line, proposal);
  const live = await selectLiveMatch(tx, { lineId: Number(line.id) });
  if (live) {
    await reverseMatch(tx, live, {
      actorId: actor.userId,
      reason: "matched again",
      now,
      keepCustomer: false,
      cause: "rematched",
    });
  }
  const match: MatchToApply = {
    lineId: Number(line.id),
    customerId: proposal.customerId,
    bookingDate: line.booking_date as IsoDate,
    amountMinor: line.amount_minor,
    currency: line.currency,
    reference: line.structured_reference ?? line.remittance_text?.slice(0, 140) ?? null,
    counterpartyIban: line.counterparty_iban,
    allocations: proposal.allocations,
    writeOff: proposal.writeOff,
    rule: proposal.rule,
    score: proposal.score,
    reasons: proposal.reasons,
    appliedById: actor.userId,
  };
  const ids = await applyMatches(tx, Number(line.company_id), [match], now);
  await recordAudit(tx, {
    actor,
    action: "match.apply",
    entity: "bank_line",
    entityId: Number(line.id),
    after: { matchId: ids.get(Number(line.id)), ...proposal },
  });
}
