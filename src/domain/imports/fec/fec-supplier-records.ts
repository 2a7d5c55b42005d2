import type { PayableRecord, SupplierRecord } from "../imports.types";
import { type FecEntry, recordRef } from "./fec-entries";
import type { FecLine } from "./fec-fields";
import { addToGroup, type LetterGroup, type LetterItem, settleLettering } from "./fec-lettering";
import { entryFacts, isSupplierAccount, isSupplierBill, partyName, partyRef } from "./fec-rules";

function itemOf(line: FecLine, ref: string, role: LetterItem["role"]): LetterItem {
  return {
    ref,
    role,
    amountMinor: Math.abs(line.debitMinor - line.creditMinor),
    date: line.pieceDate ?? line.entryDate,
    line: line.line,
    entryDate: line.entryDate,
    letterDate: line.letterDate,
  };
}

/**
 * Suppliers (401/404 auxiliary accounts) and what is still owed to them, for the "this customer is
 * also a supplier" view. A FEC carries neither SIREN nor VAT number for a party: both stay null.
 * The lettering is read as on the customer side, mirrored: bills are the items, every other
 * lettered debit settles them (payments, credit notes), every other lettered credit gives back;
 * only what stays open is a payable. Unlettered bills are open in full.
 */
export function supplierRecords(input: { entries: readonly FecEntry[]; currency: string }): {
  suppliers: SupplierRecord[];
  payables: PayableRecord[];
} {
  const suppliers = new Map<string, SupplierRecord>();
  const bills: PayableRecord[] = [];
  const groups = new Map<string, LetterGroup>();
  const openings = new Map<string, LetterGroup>();
  for (const entry of input.entries) {
    const lines = entry.lines.filter((l) => isSupplierAccount(l.account));
    if (lines.length === 0) continue;
    const facts = entryFacts(entry.lines);
    for (const line of lines) {
      const party = partyRef(line);
      if (!suppliers.has(party))
        suppliers.set(party, {
          line: line.line,
          externalRef: party,
          name: partyName(line),
          legalId: null,
          vatId: null,
        });
      const signedMinor = line.debitMinor - line.creditMinor;
      if (signedMinor === 0) continue;
      const ref = recordRef(line, entry);
      const isBill = isSupplierBill(facts, signedMinor);
      if (isBill) {
        bills.push({
          line: line.line,
          supplierRef: party,
          externalRef: ref,
          number: line.pieceRef || entry.entryNumber,
          date: line.pieceDate ?? line.entryDate,
          dueDate: null,
          // Positive: owed to the supplier.
          amountMinor: -signedMinor,
          openAmountMinor: -signedMinor,
          currency: input.currency,
        });
      }
      const role = isBill ? "debit" : signedMinor > 0 ? "cash" : "refund";
      if (line.letter !== "") addToGroup(groups, party, line.letter, itemOf(line, ref, role));
      else if (isBill && facts.isOpening) addToGroup(openings, party, "", itemOf(line, ref, role));
    }
  }
  const { settledMinor } = settleLettering({
    groups: [...groups.values()],
    openings: [...openings.values()],
    currency: input.currency,
  });
  const payables = bills
    .map((bill) => ({
      ...bill,
      openAmountMinor: bill.amountMinor - (settledMinor.get(bill.externalRef) ?? 0),
    }))
    .filter((bill) => bill.openAmountMinor > 0);
  return { suppliers: [...suppliers.values()], payables };
}
