import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client";
import { bankLine, bankStatement } from "../../db/schema";
import { arrayParam } from "../../db/sql-arrays";
import type { ParsedBankLine, ParsedStatement, StatementFormat } from "./statements/statement.types";

const SEPARATOR = "\u001f";

/**
 * What makes a line the same line when a statement is imported again: the account and every field
 * the bank wrote, plus its rank among identical lines of the same file (two equal transfers on the
 * same day stay two lines, and the same file imported twice adds nothing).
 */
export function fingerprintLines(statement: ParsedStatement): string[] {
  const account = statement.accountIban ?? statement.accountNumber ?? "";
  const seen = new Map<string, number>();
  return statement.lines.map((line) => {
    const base = [
      account,
      line.bookingDate,
      line.valueDate ?? "",
      line.amountMinor,
      line.currency,
      line.bankReference ?? "",
      line.endToEndId ?? "",
      line.counterpartyIban ?? "",
      line.counterpartyName ?? "",
      line.structuredReference ?? "",
      line.remittanceText ?? "",
    ].join(SEPARATOR);
    const rank = seen.get(base) ?? 0;
    seen.set(base, rank + 1);
    return createHash("sha256").update(`${base}${SEPARATOR}${rank}`).digest("base64url");
  });
}

export async function selectKnownFingerprints(
  q: Queryable,
  companyId: number,
  fingerprints: string[],
): Promise<Set<string>> {
  if (fingerprints.length === 0) return new Set();
  const result = await q.execute<{ fingerprint: string }>(sql`
    select fingerprint from bank_line
    where company_id = ${companyId} and fingerprint = any(${arrayParam(fingerprints)}::text[])`);
  return new Set(result.rows.map((r) => r.fingerprint));
}

export async function insertStatement(
  tx: Tx,
  input: {
    companyId: number;
    format: StatementFormat;
    statement: ParsedStatement;
    fileName: string;
    createdById: number | null;
  },
): Promise<number> {
  const s = input.statement;
  const [row] = await tx
    .insert(bankStatement)
    .values({
      companyId: input.companyId,
      format: input.format,
      reference: s.reference,
      accountIban: s.accountIban,
      accountNumber: s.accountNumber,
      bic: s.bic,
      currency: s.currency,
      openingBalanceMinor: s.openingBalanceMinor,
      closingBalanceMinor: s.closingBalanceMinor,
      fromDate: s.fromDate,
      toDate: s.toDate,
      fileName: input.fileName,
      createdById: input.createdById,
    })
    .returning({ id: bankStatement.id });
  if (!row) throw new Error("bank_statement insert returned nothing");
  return row.id;
}

const INSERT_CHUNK = 1000;

/** Inserts the new lines (a line already there, by fingerprint, is skipped); returns how many were new. */
export async function insertLines(
  tx: Tx,
  input: {
    companyId: number;
    statementId: number;
    accountIban: string | null;
    lines: { line: ParsedBankLine; fingerprint: string }[];
  },
): Promise<number> {
  let created = 0;
  for (let start = 0; start < input.lines.length; start += INSERT_CHUNK) {
    const values = input.lines.slice(start, start + INSERT_CHUNK).map(({ line, fingerprint }) => ({
      companyId: input.companyId,
      statementId: input.statementId,
      fingerprint,
      accountIban: input.accountIban,
      bookingDate: line.bookingDate,
      valueDate: line.valueDate,
      amountMinor: line.amountMinor,
      currency: line.currency,
      counterpartyName: line.counterpartyName,
      counterpartyIban: line.counterpartyIban,
      structuredReference: line.structuredReference,
      remittanceText: line.remittanceText,
      bankReference: line.bankReference,
      endToEndId: line.endToEndId,
      mandateId: line.mandateId,
      isReversal: line.isReversal,
      returnReason: line.returnReason,
      transactionCode: line.transactionCode,
    }));
    const rows = await tx
      .insert(bankLine)
      .values(values)
      .onConflictDoNothing({ target: [bankLine.companyId, bankLine.fingerprint] })
      .returning({ id: bankLine.id });
    created += rows.length;
  }
  return created;
}
