import type { Queryable } from "../../db/client";
import { notFound, validationError } from "../../shared/errors";
import { formatMajor, money, parseMajor } from "../../shared/money";
import type { AppContext } from "../context";
import {
  type InvoiceFacts,
  selectCustomerRefs,
  selectInvoiceFacts,
  selectLine,
  selectLines,
  selectMatches,
  toItem,
} from "./bank-lines.repo";
import type { AppliedMatch, BankLineDetail, BankLinePage, BankLineQuery, Proposal } from "./matching.schemas";
import { selectSuggestions } from "./suggestions.repo";

/** The workspace's list: amounts in the filter are read in EUR precision (two decimals) whatever the line's currency. */
export async function listBankLines(ctx: AppContext, query: BankLineQuery): Promise<BankLinePage> {
  const minorOf = (text: string) => {
    try {
      return parseMajor(text, "EUR").minor;
    } catch {
      throw validationError(`"${text}" is not an amount`, [
        { field: "amount", value: text, message: "is not an amount" },
      ]);
    }
  };
  const { rows, total } = await selectLines(ctx.db, query, minorOf);
  return { items: rows.map(toItem), total, page: query.page, pageSize: query.pageSize };
}

type Part = { invoiceId: number; amountMinor: number };

function allocationsOf(parts: Part[], invoices: Map<number, InvoiceFacts>, currency: string) {
  return parts.map((a) => {
    const facts = invoices.get(a.invoiceId);
    return {
      invoiceId: a.invoiceId,
      number: facts?.number ?? String(a.invoiceId),
      type: facts?.type ?? ("invoice" as const),
      dueDate: facts?.due_date ?? "",
      openAmount: formatMajor(money(facts?.open_amount_minor ?? 0, currency)),
      amount: formatMajor(money(Number(a.amountMinor), currency)),
    };
  });
}

function writeOffOf(
  writeOff: { invoiceId: number; amountMinor: number; reason: string } | null,
  invoices: Map<number, InvoiceFacts>,
  currency: string,
) {
  if (!writeOff) return null;
  return {
    invoiceId: writeOff.invoiceId,
    number: invoices.get(writeOff.invoiceId)?.number ?? String(writeOff.invoiceId),
    amount: formatMajor(money(Number(writeOff.amountMinor), currency)),
    reason: writeOff.reason,
  };
}

/** One line with its ranked proposals and every match applied to it (undone ones included). */
export async function getBankLine(
  ctx: AppContext | { db: Queryable },
  lineId: number,
): Promise<BankLineDetail> {
  const row = await selectLine(ctx.db, lineId);
  if (!row) throw notFound("Bank line", lineId);
  const suggestions = await selectSuggestions(ctx.db, lineId);
  const matches = await selectMatches(ctx.db, lineId);
  const parts = [
    ...suggestions.flatMap((s) => [...s.allocations, ...(s.write_off ? [s.write_off] : [])]),
    ...matches.flatMap((m) => [...m.allocations, ...(m.write_off ? [m.write_off] : [])]),
  ];
  const invoices = await selectInvoiceFacts(ctx.db, [...new Set(parts.map((p) => Number(p.invoiceId)))]);
  const customers = await selectCustomerRefs(ctx.db, [
    ...new Set([...suggestions.map((s) => s.customer_id), ...matches.map((m) => m.customer_id)]),
  ]);
  const customerOf = (id: number) => customers.get(id) ?? { id, name: "", externalRef: "" };
  const currency = row.currency;
  const proposals: Proposal[] = suggestions.map((s) => ({
    rank: s.rank,
    customer: customerOf(s.customer_id),
    allocations: allocationsOf(s.allocations, invoices, currency),
    writeOff: writeOffOf(s.write_off, invoices, currency),
    unapplied: formatMajor(money(s.unapplied_minor, currency)),
    score: s.score,
    rule: s.rule,
    reasons: s.reasons,
  }));
  const applied: AppliedMatch[] = matches.map((m) => ({
    id: m.id,
    rule: m.rule,
    score: m.score,
    customer: customerOf(m.customer_id),
    allocations: allocationsOf(m.allocations, invoices, currency),
    writeOff: writeOffOf(m.write_off, invoices, currency),
    unapplied: formatMajor(money(Number(m.unapplied_minor), currency)),
    appliedBy: m.applied_by,
    appliedAt: m.applied_at,
    undoneAt: m.undone_at,
    undoneBy: m.undone_by,
  }));
  return {
    ...toItem(row),
    endToEndId: row.end_to_end_id,
    returnReason: row.return_reason,
    proposals,
    matches: applied,
  };
}
