import type { IsoDate } from "../../../shared/dates";

/**
 * What every bank-statement reader (camt.052/053/054, MT940, CFONB 120, bank CSV through a mapping)
 * turns a file into before anything is written. Money is in minor units of the line's currency,
 * signed from the account holder's side: a customer's payment received is positive, a returned
 * direct debit or a fee is negative.
 */
export type StatementFormat = "camt" | "mt940" | "cfonb120" | "csv";

export type ParsedStatementFile = {
  format: StatementFormat;
  statements: ParsedStatement[];
};

export type ParsedStatement = {
  /** The bank's identifier of the statement (camt Stmt/Id or Ntfctn/Id, MT940 :20: + :28C:, CFONB account + date). */
  reference: string;
  /** The account the statement is about, IBAN without spaces when known, else the bank's account number. */
  accountIban: string | null;
  accountNumber: string | null;
  bic: string | null;
  currency: string;
  openingBalanceMinor: number | null;
  closingBalanceMinor: number | null;
  fromDate: IsoDate | null;
  toDate: IsoDate | null;
  lines: ParsedBankLine[];
};

export type ParsedBankLine = {
  /** 1-based position in the file (XML entry index, or the line number of a flat file), for error reports. */
  line: number;
  bookingDate: IsoDate;
  valueDate: IsoDate | null;
  amountMinor: number;
  currency: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  /** Structured creditor reference (ISO 11649 RF…, Belgian +++…+++ communication, or the scheme's own). */
  structuredReference: string | null;
  /** Free remittance text, the unstructured lines joined by one space. */
  remittanceText: string | null;
  /** The bank's own reference of the entry (AcctSvcrRef, MT940 bank reference, CFONB entry reference). */
  bankReference: string | null;
  endToEndId: string | null;
  mandateId: string | null;
  /** A returned direct debit or a reversed credit. */
  isReversal: boolean;
  /** ISO reason code of a return (AC06, MD06…), when given. */
  returnReason: string | null;
  /** Bank transaction code as written by the bank (camt domain/family/subfamily, MT940 GVC/type, CFONB operation code). */
  transactionCode: string | null;
  /**
   * Added by the statement readers (optional, camt only): an intraday camt.052 report or a camt.054
   * notification may list entries not booked yet (Sts PDNG) or for information (INFO), which the
   * next camt.053 books again. Absent means booked (every MT940, CFONB and CSV line).
   */
  bookingStatus?: "booked" | "pending" | "information";
};
