import { sql } from "drizzle-orm";
import { arrayParam } from "../../db/sql-arrays";
import { DomainError, notFound } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { applyByHand, type HandProposal, lockLine, toHandProposal } from "./match-by-hand";
import type { BankLineDetail, ManualMatchBody } from "./matching.schemas";
import { getBankLine } from "./read-bank-lines";
import { lockCompany, runMatching } from "./run-matching";
import { type SuggestionRow, selectSuggestions } from "./suggestions.repo";
import { reverseMatch, selectLiveMatch } from "./undo.repo";

function fromSuggestion(s: SuggestionRow): HandProposal {
  return {
    customerId: s.customer_id,
    allocations: s.allocations.map((a) => ({
      invoiceId: Number(a.invoiceId),
      amountMinor: Number(a.amountMinor),
    })),
    writeOff: s.write_off
      ? {
          invoiceId: Number(s.write_off.invoiceId),
          amountMinor: Number(s.write_off.amountMinor),
          reason: s.write_off.reason,
        }
      : null,
    rule: s.rule,
    score: s.score,
    reasons: s.reasons,
  };
}

/** A person's match: several items (a split), a write-off, or only the customer (unapplied cash). */
export async function matchByHand(
  ctx: AppContext,
  actor: Actor,
  lineId: number,
  body: ManualMatchBody,
): Promise<BankLineDetail> {
  await ctx.db.transaction(async (tx) => {
    const line = await lockLine(tx, lineId);
    await applyByHand(tx, actor, line, toHandProposal(line, body), ctx.clock.now());
  });
  return getBankLine(ctx, lineId);
}

export async function acceptSuggestion(
  ctx: AppContext,
  actor: Actor,
  lineId: number,
  rank: number,
): Promise<BankLineDetail> {
  await applySuggestion(ctx, actor, lineId, rank);
  return getBankLine(ctx, lineId);
}

async function applySuggestion(ctx: AppContext, actor: Actor, lineId: number, rank: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const line = await lockLine(tx, lineId);
    const suggestion = (await selectSuggestions(tx, lineId)).find((s) => s.rank === rank);
    if (!suggestion) throw notFound(`Suggestion ${rank} of bank line`, lineId);
    await applyByHand(tx, actor, line, fromSuggestion(suggestion), ctx.clock.now());
  });
}

/**
 * Accepts the best suggestion of every suggested line (of one company, or the listed lines) scoring at
 * least `minScore`. A suggestion that no longer fits (the items changed since) is skipped, not forced.
 */
export async function bulkAccept(
  ctx: AppContext,
  actor: Actor,
  input: { companyId?: number | undefined; minScore: number; lineIds?: number[] | undefined },
): Promise<{ accepted: number; skipped: number }> {
  const only = input.lineIds ? sql`and l.id = any(${arrayParam(input.lineIds)}::bigint[])` : sql``;
  const company = input.companyId === undefined ? sql`` : sql`and l.company_id = ${input.companyId}`;
  const candidates = await ctx.db.execute<{ id: number }>(sql`
    select l.id::float8 as id from bank_line l join match_suggestion s on s.line_id = l.id and s.rank = 0
    where l.status = 'suggested' and s.score >= ${input.minScore} ${company} ${only} order by l.id`);
  let accepted = 0;
  let skipped = 0;
  for (const { id } of candidates.rows) {
    try {
      await applySuggestion(ctx, actor, Number(id), 0);
      accepted += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      skipped += 1;
    }
  }
  return { accepted, skipped };
}

export async function ignoreLine(
  ctx: AppContext,
  actor: Actor,
  lineId: number,
  reason: string,
): Promise<BankLineDetail> {
  await ctx.db.transaction(async (tx) => {
    const line = await lockLine(tx, lineId);
    if (!["unmatched", "suggested"].includes(line.status)) {
      throw new DomainError(
        "INVALID_STATE",
        `This line is ${line.status}: only a line waiting for a match can be set aside`,
        {
          issues: [{ field: "status", value: line.status, message: "must be unmatched or suggested" }],
        },
      );
    }
    await tx.execute(sql`delete from match_suggestion where line_id = ${lineId}`);
    await tx.execute(sql`
      update bank_line set status = 'ignored', ignored_reason = ${reason}, customer_id = null, score = null,
        updated_at = ${ctx.clock.now()} where id = ${lineId}`);
    await recordAudit(tx, {
      actor,
      action: "match.ignore",
      entity: "bank_line",
      entityId: lineId,
      after: { reason },
    });
  });
  return getBankLine(ctx, lineId);
}

/** Brings an ignored line back and looks for a match again. */
export async function restoreLine(ctx: AppContext, actor: Actor, lineId: number): Promise<BankLineDetail> {
  const companyId = await ctx.db.transaction(async (tx) => {
    const line = await lockLine(tx, lineId);
    if (line.status !== "ignored") {
      throw new DomainError("INVALID_STATE", `This line is ${line.status}, not set aside`, {
        issues: [{ field: "status", value: line.status, message: "must be ignored" }],
      });
    }
    await tx.execute(sql`
      update bank_line set status = 'unmatched', ignored_reason = null, updated_at = ${ctx.clock.now()} where id = ${lineId}`);
    await recordAudit(tx, { actor, action: "match.restore", entity: "bank_line", entityId: lineId });
    return Number(line.company_id);
  });
  await runMatching(ctx, { companyId, lineIds: [lineId] });
  return getBankLine(ctx, lineId);
}

/** Undoes a match: the items are owed again and the line goes back to the workspace, as a suggestion at most. */
export async function undoMatch(
  ctx: AppContext,
  actor: Actor,
  matchId: number,
  reason: string | undefined,
): Promise<BankLineDetail> {
  const found = await ctx.db.transaction(async (tx) => {
    const first = await selectLiveMatch(tx, { matchId });
    if (!first) throw notFound("Applied match", matchId);
    await lockCompany(tx, first.company_id);
    const match = await selectLiveMatch(tx, { matchId });
    if (!match) throw notFound("Applied match", matchId);
    const reopened = await reverseMatch(tx, match, {
      actorId: actor.userId,
      reason: reason ?? null,
      now: ctx.clock.now(),
      keepCustomer: false,
      cause: "undone",
    });
    await tx.execute(sql`
      update bank_line set status = 'unmatched', customer_id = null, score = null, updated_at = ${ctx.clock.now()}
      where id = ${match.line_id}`);
    await recordAudit(tx, {
      actor,
      action: "match.undo",
      entity: "bank_match",
      entityId: matchId,
      after: { reason: reason ?? null, reopened },
    });
    return match;
  });
  await runMatching(ctx, { companyId: found.company_id, lineIds: [found.line_id] });
  return getBankLine(ctx, found.line_id);
}
