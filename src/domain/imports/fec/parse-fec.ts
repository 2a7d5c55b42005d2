import { currencyExponent } from "../../../shared/currencies";
import { emptyImport, type ImportIssue, ImportParseError, type ParsedImport } from "../imports.types";
import { customerRecords } from "./fec-customer-records";
import { groupEntries, unbalancedEntries } from "./fec-entries";
import { settleLettering } from "./fec-lettering";
import { readFec } from "./fec-reader";
import { supplierRecords } from "./fec-supplier-records";

function byLine(a: ImportIssue, b: ImportIssue): number {
  return a.line - b.line;
}

/**
 * Reads a FEC (fichier des écritures comptables, article A47 A-1 of the Livre des procédures
 * fiscales) into the records every import produces:
 * - customers: the 411/416 accounts (auxiliary account, else general account);
 * - invoices and credit notes: customer lines of sales entries, opening entries (balances brought
 *   forward) and adjustments, one record per line, referenced `<journal>-<entry>-<position>`;
 *   the due date is the issue date until the company's payment terms recompute it;
 * - payments: customer credits in entries that move money (51 bank, 53 cash, 413 bills);
 * - allocations and open amounts: from the lettering (EcritureLet), see fec-lettering.ts;
 *   lettered cash whose counterpart is not in the file settles the opening balance;
 * - suppliers and open payables: the 401/404 accounts and the bills their lettering leaves open.
 * The file is checked whole first (header, field counts, dates, amounts, balanced entries): any
 * problem throws an ImportParseError listing them all, never a partial result.
 */
export function parseFec(input: { bytes: Uint8Array; fileName: string; currency: string }): ParsedImport {
  currencyExponent(input.currency);
  const read = readFec(input);
  const entries = groupEntries(read.lines);
  const issues = [
    ...read.issues,
    ...unbalancedEntries({ entries, currency: input.currency, skip: read.brokenEntries }),
  ];
  if (issues.length > 0) throw new ImportParseError(issues.sort(byLine));

  const customers = customerRecords({ entries, currency: input.currency });
  const { allocations, settledMinor } = settleLettering({
    groups: customers.groups,
    openings: customers.openings,
    currency: input.currency,
  });
  const invoices = customers.invoices.map((invoice) => {
    const settled = settledMinor.get(invoice.externalRef) ?? 0;
    // Towards zero from either side (credit notes are negative); never -0.
    const openAmountMinor =
      invoice.amountMinor > 0 ? invoice.amountMinor - settled : invoice.amountMinor + settled;
    return { ...invoice, openAmountMinor };
  });
  const suppliers = supplierRecords({ entries, currency: input.currency });
  return {
    ...emptyImport(),
    customers: customers.customers,
    invoices,
    payments: customers.payments,
    allocations: allocations.sort((a, b) => a.line - b.line),
    suppliers: suppliers.suppliers,
    payables: suppliers.payables,
  };
}
