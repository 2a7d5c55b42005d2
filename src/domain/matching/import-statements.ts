import { sql } from "drizzle-orm";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { parseStatementFile } from "./statements/parse-statement-file";
import type { BankCsvMapping } from "./statements/read-bank-csv";
import type { StatementFormat } from "./statements/statement.types";
import { fingerprintLines, insertLines, insertStatement, selectKnownFingerprints } from "./statements.repo";

export type ImportStatementsInput = {
  companyId: number;
  fileName: string;
  bytes: Uint8Array;
  /** Bank CSV files only: the native bank columns → the file's headers. */
  csvMapping?: BankCsvMapping | undefined;
};

export type ImportStatementsResult = {
  format: StatementFormat;
  statements: number;
  rows: number;
  created: number;
  unchanged: number;
};

/**
 * Reads a bank file (camt.05x, MT940, CFONB 120, or CSV through a mapping) and stores its lines,
 * all or nothing: a broken file throws a DomainError naming the line and field and writes nothing.
 * A line already imported (same account, dates, amount, references and texts) is not added again.
 */
export async function importStatements(
  ctx: AppContext,
  actor: Actor,
  input: ImportStatementsInput,
): Promise<ImportStatementsResult> {
  const parsed = await parseStatementFile(
    input.bytes,
    input.fileName,
    input.csvMapping ? { csvMapping: input.csvMapping } : {},
  );
  const rows = parsed.statements.reduce((n, s) => n + s.lines.length, 0);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext('encours.bank-import'), ${input.companyId}::int)`,
    );
    let statements = 0;
    let created = 0;
    for (const statement of parsed.statements) {
      const fingerprints = fingerprintLines(statement);
      const known = await selectKnownFingerprints(tx, input.companyId, fingerprints);
      // A pending or information-only entry (camt.052/054) is booked again by the next camt.053.
      const fresh = statement.lines
        .map((line, i) => ({ line, fingerprint: fingerprints[i] ?? "" }))
        .filter((l) => !known.has(l.fingerprint) && (l.line.bookingStatus ?? "booked") === "booked");
      if (fresh.length === 0) continue;
      const statementId = await insertStatement(tx, {
        companyId: input.companyId,
        format: parsed.format,
        statement,
        fileName: input.fileName,
        createdById: actor.userId,
      });
      statements += 1;
      created += await insertLines(tx, {
        companyId: input.companyId,
        statementId,
        accountIban: statement.accountIban,
        lines: fresh,
      });
    }
    return { format: parsed.format, statements, rows, created, unchanged: rows - created };
  });
}
