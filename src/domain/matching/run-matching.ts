import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { parseMajor } from "../../shared/money";
import type { AppContext } from "../context";
import { applyMatches, type MatchToApply } from "./apply-matches.repo";
import { buildContexts, loadKeyDirectory, type PreparedLine, searchPayerNames } from "./build-contexts";
import {
  countTodoLines,
  type MatchingCompany,
  selectCustomerNames,
  selectMatchingCompanies,
  selectTodoLines,
} from "./candidates.repo";
import type { MatchContext, MatchDecision, MatchSettings, OpenItem, Proposal } from "./engine/engine.types";
import { matchLine } from "./engine/match-line";
import { NameIndex } from "./engine/name-index";
import type { MatchRunResult } from "./matching.schemas";
import { ignoreDebits, processReturns } from "./returns";
import { markUnmatched, writeSuggestions } from "./suggestions.repo";

const CHUNK = 2000;
/** From this many lines waiting, the open items' keys are read once rather than probed per line. */
const DIRECTORY_FROM = 5000;

export type RunMatchingOptions = {
  companyId?: number;
  /** Only these lines (after an undo, or one line's re-check); all lines waiting otherwise. */
  lineIds?: number[];
};

/**
 * The matching run: returned direct debits first (they reopen what they had paid), other debits set
 * aside, then every credit line waiting, in chunks: candidates gathered set-based, the engine decides,
 * confident matches are applied, the others become ranked suggestions or stay in the suspense list.
 * One transaction per company under an advisory lock, so two runs never match the same line twice.
 */
export async function runMatching(
  ctx: AppContext,
  options: RunMatchingOptions = {},
): Promise<MatchRunResult> {
  const total: MatchRunResult = {
    lines: 0,
    matched: 0,
    suggested: 0,
    unmatched: 0,
    unapplied: 0,
    returned: 0,
  };
  for (const company of await selectMatchingCompanies(ctx.db, options.companyId)) {
    const result = await ctx.db.transaction(async (tx) => {
      await lockCompany(tx, company.id);
      return matchCompany(tx, company, ctx.clock.now(), options.lineIds);
    });
    for (const key of Object.keys(total) as (keyof MatchRunResult)[]) total[key] += result[key];
  }
  return total;
}

export async function lockCompany(tx: Tx, companyId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('encours.matching'), ${companyId}::int)`);
}

export function settingsOf(company: MatchingCompany, currency: string): MatchSettings {
  return {
    autoThreshold: company.auto_threshold,
    writeOffToleranceMinor:
      currency === company.currency ? parseMajor(company.write_off_tolerance, company.currency).minor : 0,
  };
}

async function matchCompany(
  tx: Tx,
  company: MatchingCompany,
  now: Date,
  lineIds: number[] | undefined,
): Promise<MatchRunResult> {
  const result: MatchRunResult = {
    lines: 0,
    matched: 0,
    suggested: 0,
    unmatched: 0,
    unapplied: 0,
    returned: 0,
  };
  if (!lineIds) {
    result.returned = await processReturns(tx, company.id, now);
    await ignoreDebits(tx, company.id, now);
  }
  const first = await selectTodoLines(tx, company.id, 0, CHUNK, lineIds);
  if (first.length === 0) return result;
  const customers = await selectCustomerNames(tx, company.id);
  const names = new NameIndex(customers);
  const nameOf = new Map(customers.map((c) => [c.customerId, c.name]));
  const items = new Map<number, OpenItem>();
  const directory =
    first.length === CHUNK && (await countTodoLines(tx, company.id)) >= DIRECTORY_FROM
      ? await loadKeyDirectory(tx, company.id)
      : null;
  let todos = first;
  let hits = await searchPayerNames(first, names);
  while (todos.length > 0) {
    const prepared = await buildContexts(tx, company.id, todos, { hits, nameOf }, items, directory);
    const toApply: MatchToApply[] = [];
    const toSuggest: { lineId: number; proposals: Proposal[] }[] = [];
    const toLeave: number[] = [];
    for (const p of prepared) {
      const decision = decide(p, settingsOf(company, p.line.currency));
      result.lines += 1;
      const best = decision.proposals[0];
      if (decision.outcome === "apply" && best) {
        toApply.push({ ...matchOf(p, best), invoiceNumbers: numbersOf(items, best) });
        consume(items, best);
        if (best.allocations.length > 0 || best.writeOff) result.matched += 1;
        else result.unapplied += 1;
      } else if (decision.outcome === "suggest" && decision.proposals.length > 0) {
        toSuggest.push({ lineId: p.line.lineId, proposals: decision.proposals });
        result.suggested += 1;
      } else if (decision.payerCustomerId !== null) {
        toApply.push(matchOf(p, unappliedProposal(p, decision.payerCustomerId)));
        result.unapplied += 1;
      } else {
        toLeave.push(p.line.lineId);
        result.unmatched += 1;
      }
    }
    // The next chunk's lines are read first (the writes below do not touch them); then the database
    // writes this chunk while the application searches the next chunk's payer names.
    const last = todos[todos.length - 1];
    const next =
      last && todos.length === CHUNK ? await selectTodoLines(tx, company.id, last.id, CHUNK, lineIds) : [];
    const writing = (async () => {
      await applyMatches(tx, company.id, toApply, now);
      await writeSuggestions(tx, toSuggest, now);
      await markUnmatched(tx, toLeave, now);
    })().then(
      () => null,
      (error: unknown) => ({ error }),
    );
    hits = await searchPayerNames(next, names);
    const failed = await writing;
    if (failed) throw failed.error;
    todos = next;
  }
  return result;
}

/** The engine decides on what is still open; a line whose earlier match was undone is only suggested. */
function decide(p: PreparedLine, settings: MatchSettings): MatchDecision {
  const open = (item: OpenItem) => item.openAmountMinor !== 0;
  const context: MatchContext = {
    referenced: p.context.referenced.filter((r) => open(r.item)),
    customers: p.context.customers.map((c) => ({ ...c, openItems: c.openItems.filter(open) })),
    sameAmount: p.context.sameAmount.filter(open),
  };
  const decision = matchLine(p.line, context, settings);
  if (!p.todo.was_undone) return decision;
  return {
    ...decision,
    outcome: decision.outcome === "apply" ? "suggest" : decision.outcome,
    payerCustomerId: null,
  };
}

/** The allocated items' numbers, oldest due first, for the timeline. */
/** Byte order, like `collate "C"` in the statements. */
function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function numbersOf(items: Map<number, OpenItem>, proposal: Proposal): string[] {
  return proposal.allocations
    .flatMap((a) => {
      const item = items.get(a.invoiceId);
      return item ? [item] : [];
    })
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || compareCodes(a.number, b.number))
    .map((item) => item.number);
}

function consume(items: Map<number, OpenItem>, proposal: Proposal): void {
  const parts = [...proposal.allocations, ...(proposal.writeOff ? [proposal.writeOff] : [])];
  for (const part of parts) {
    const item = items.get(part.invoiceId);
    if (item) item.openAmountMinor -= part.amountMinor;
  }
}

function unappliedProposal(p: PreparedLine, customerId: number): Proposal {
  return {
    customerId,
    allocations: [],
    writeOff: null,
    unappliedMinor: p.line.amountMinor,
    score: 0,
    rule: "customer_only",
    reasons: [],
  };
}

/** What the run writes for a line it applies (the run applies as nobody: `appliedById` null). */
function matchOf(p: { line: PreparedLine["line"] }, proposal: Proposal): MatchToApply {
  return {
    lineId: p.line.lineId,
    customerId: proposal.customerId,
    bookingDate: p.line.bookingDate,
    amountMinor: p.line.amountMinor,
    currency: p.line.currency,
    reference: p.line.structuredReference ?? p.line.remittanceText?.slice(0, 140) ?? null,
    counterpartyIban: p.line.counterpartyIban,
    allocations: proposal.allocations,
    writeOff: proposal.writeOff,
    rule: proposal.rule,
    score: proposal.score,
    reasons: proposal.reasons,
    appliedById: null,
  };
}
