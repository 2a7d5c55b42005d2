import { DomainError } from "../../../shared/errors";

/** Where a reader is in the file: its name, and whether positions are text lines or XML entries. */
export type StatementSource = { fileName: string; unit: "line" | "entry" | "row" };

export type StatementProblem = { line: number; field: string; value?: unknown; message: string };

/**
 * A broken bank file: one VALIDATION DomainError naming the file, the line (or XML entry, or
 * spreadsheet row) and the field, with the same issue shape as the imports' error reports.
 * Readers throw it at the first problem: a statement is never returned half read.
 */
export function statementError(source: StatementSource, problem: StatementProblem): DomainError {
  const where = problem.line > 0 ? `, ${source.unit} ${problem.line}` : "";
  const shown =
    problem.value === undefined || problem.value === null || String(problem.value).trim() === ""
      ? ""
      : ` ("${String(problem.value).slice(0, 60)}")`;
  return new DomainError(
    "VALIDATION",
    `${source.fileName}${where}, ${problem.field}${shown}: ${problem.message}`,
    {
      fileName: source.fileName,
      issues: [
        {
          line: problem.line,
          column: problem.field,
          field: problem.field,
          ...(problem.value === undefined ? {} : { value: problem.value }),
          message: problem.message,
        },
      ],
    },
  );
}
