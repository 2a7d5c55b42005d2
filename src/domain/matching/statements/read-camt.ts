import type { IsoDate } from "../../../shared/dates";
import { readXml } from "../../imports/einvoice/read-xml";
import { allAt, firstAt, textAt, type XmlElement } from "../../imports/einvoice/xml-element";
import type { ParsedBankLine, ParsedStatement, ParsedStatementFile } from "./statement.types";
import { type StatementSource, statementError } from "./statement-errors";
import { clean, ibanOrNull, isoDatePart, minorUnits } from "./statement-values";

/** camt.053 statements, camt.052 account reports, camt.054 debit/credit notifications. */
const MESSAGES: Record<string, string> = {
  BkToCstmrStmt: "Stmt",
  BkToCstmrAcctRpt: "Rpt",
  BkToCstmrDbtCdtNtfctn: "Ntfctn",
};

/** ISO bank transaction sub-families that book a return or a reversal. */
const RETURN_SUB_FAMILIES = new Set(["UPDD", "PRDD", "RRTN", "RPCR", "ARET", "UDFT", "UPCQ", "RCDD"]);

/** Placeholders that banks write where a reference is mandatory but was not given. */
const NO_REFERENCE = new Set(["NOTPROVIDED", "NONREF", "NOT PROVIDED"]);

function reference(text: string | null): string | null {
  const t = clean(text);
  return t === null || NO_REFERENCE.has(t.toUpperCase()) ? null : t;
}

/** Dt or DtTm inside a date choice (BookgDt, ValDt, Bal/Dt). */
function dateChoice(element: XmlElement | undefined): IsoDate | null {
  return isoDatePart(textAt(element, "Dt") ?? textAt(element, "DtTm"));
}

/** A party's name: Nm directly (up to camt.05x.001.07), under Pty or, for a bank, Agt (from .08 on). */
function partyName(party: XmlElement | undefined): string | null {
  return clean(textAt(party, "Nm") ?? textAt(party, "Pty", "Nm") ?? textAt(party, "Agt", "FinInstnId", "Nm"));
}

function accountIban(account: XmlElement | undefined): string | null {
  return ibanOrNull(textAt(account, "Id", "IBAN"));
}

function transactionCode(element: XmlElement | undefined): string | null {
  const domain = firstAt(element, "Domn");
  if (domain) {
    const parts = [textAt(domain, "Cd"), textAt(domain, "Fmly", "Cd"), textAt(domain, "Fmly", "SubFmlyCd")];
    if (parts.every((p) => p !== null)) return parts.join("-");
  }
  return clean(textAt(element, "Prtry", "Cd"));
}

function isReturnCode(element: XmlElement | undefined): boolean {
  const sub = textAt(element, "Domn", "Fmly", "SubFmlyCd");
  return sub !== null && RETURN_SUB_FAMILIES.has(sub);
}

type Context = { source: StatementSource; line: number };

function signedAmount(
  amount: XmlElement | undefined,
  indicator: string | null,
  at: Context & { field: string },
): { minor: number; currency: string } {
  const currency = amount?.attributes.Ccy?.trim() ?? "";
  if (!amount)
    throw statementError(at.source, { line: at.line, field: at.field, message: "the amount is missing" });
  if (currency === "")
    throw statementError(at.source, {
      line: at.line,
      field: `${at.field}/@Ccy`,
      message: "the currency of the amount is missing",
    });
  const minor = minorUnits(amount.text, currency, at);
  if (indicator !== "CRDT" && indicator !== "DBIT")
    throw statementError(at.source, {
      line: at.line,
      field: "CdtDbtInd",
      value: indicator ?? "",
      message: "must be CRDT or DBIT",
    });
  return { minor: indicator === "DBIT" ? -minor : minor, currency };
}

/** The transaction's amount in the entry's currency: TxDtls/Amt, AmtDtls/TxAmt, CntrValAmt or InstdAmt. */
function detailAmount(detail: XmlElement, currency: string): XmlElement | undefined {
  const candidates = [
    firstAt(detail, "Amt"),
    firstAt(detail, "AmtDtls", "TxAmt", "Amt"),
    firstAt(detail, "AmtDtls", "CntrValAmt", "Amt"),
    firstAt(detail, "AmtDtls", "InstdAmt", "Amt"),
  ];
  return candidates.find((a) => a !== undefined && a.attributes.Ccy === currency);
}

/**
 * The counterparty: the debtor of a credit, the creditor of a debit (the ultimate party when the
 * direct one has no name), else the other side. A party whose account is the statement's own
 * account is the holder, never the counterparty.
 */
function counterparty(
  detail: XmlElement | undefined,
  credit: boolean,
  ownIban: string | null,
): { name: string | null; iban: string | null } {
  const parties = firstAt(detail, "RltdPties");
  if (!parties) return { name: null, iban: null };
  const sides = credit ? ["Dbtr", "Cdtr"] : ["Cdtr", "Dbtr"];
  for (const side of sides) {
    const iban = accountIban(firstAt(parties, `${side}Acct`));
    if (iban !== null && iban === ownIban) continue;
    const name = partyName(firstAt(parties, side)) ?? partyName(firstAt(parties, `Ultmt${side}`));
    if (name !== null || iban !== null) return { name, iban };
  }
  return { name: null, iban: null };
}

function remittance(
  detail: XmlElement | undefined,
  entry: XmlElement,
): {
  structured: string | null;
  text: string | null;
} {
  const info = allAt(detail, "RmtInf");
  const structured =
    info
      .flatMap((r) => allAt(r, "Strd", "CdtrRefInf", "Ref"))
      .map((r) => clean(r.text))
      .find((r) => r !== null) ?? null;
  const unstructured = info
    .flatMap((r) => allAt(r, "Ustrd"))
    .map((u) => clean(u.text))
    .filter((u): u is string => u !== null);
  const text =
    unstructured.length > 0
      ? unstructured.join(" ")
      : (clean(textAt(detail, "AddtlTxInf")) ?? clean(textAt(entry, "AddtlNtryInf")));
  return { structured, text };
}

function readEntry(
  entry: XmlElement,
  ctx: Context,
  record: { ownIban: string | null; fallbackDate: IsoDate | null },
): ParsedBankLine[] {
  const entryIndicator = textAt(entry, "CdtDbtInd");
  const entryAmount = signedAmount(firstAt(entry, "Amt"), entryIndicator, { ...ctx, field: "Ntry/Amt" });
  const bookingDate = dateChoice(firstAt(entry, "BookgDt"));
  const valueDate = dateChoice(firstAt(entry, "ValDt"));
  const date = bookingDate ?? valueDate ?? record.fallbackDate;
  if (date === null)
    throw statementError(ctx.source, {
      line: ctx.line,
      field: "Ntry/BookgDt",
      message: "the entry has no booking date (BookgDt) nor value date (ValDt)",
    });
  const entryReversal = textAt(entry, "RvslInd")?.toLowerCase() === "true";
  // Sts is a code up to .07, a choice with Cd from .08 on.
  const status = textAt(entry, "Sts") ?? textAt(entry, "Sts", "Cd");
  const bookingStatus = status === "PDNG" ? "pending" : status === "INFO" ? "information" : null;
  const entryCode = firstAt(entry, "BkTxCd");
  const entryServicerRef = reference(textAt(entry, "AcctSvcrRef"));
  const details = allAt(entry, "NtryDtls", "TxDtls");

  const line = (detail: XmlElement | undefined, amount: { minor: number; currency: string }) => {
    const code = firstAt(detail, "BkTxCd");
    const returnInfo = firstAt(detail, "RtrInf");
    const returnReason = clean(textAt(returnInfo, "Rsn", "Cd") ?? textAt(returnInfo, "Rsn", "Prtry"));
    const credit = (textAt(detail, "CdtDbtInd") ?? entryIndicator) === "CRDT";
    const party = counterparty(detail, credit, record.ownIban);
    const { structured, text } = remittance(detail, entry);
    return {
      line: ctx.line,
      bookingDate: date,
      valueDate,
      amountMinor: amount.minor,
      currency: amount.currency,
      counterpartyName: party.name,
      counterpartyIban: party.iban,
      structuredReference: structured,
      remittanceText: text,
      bankReference: reference(textAt(detail, "Refs", "AcctSvcrRef")) ?? entryServicerRef,
      endToEndId: reference(textAt(detail, "Refs", "EndToEndId")),
      mandateId: reference(textAt(detail, "Refs", "MndtId")),
      isReversal: entryReversal || returnInfo !== undefined || isReturnCode(code) || isReturnCode(entryCode),
      returnReason,
      transactionCode: transactionCode(code) ?? transactionCode(entryCode),
      ...(bookingStatus ? { bookingStatus } : {}),
    } satisfies ParsedBankLine;
  };

  const amounts = details.map((detail) => detailAmount(detail, entryAmount.currency));
  if (details.length > 1 && amounts.every((a) => a !== undefined))
    return details.map((detail, i) =>
      line(
        detail,
        signedAmount(amounts[i], textAt(detail, "CdtDbtInd") ?? entryIndicator, {
          ...ctx,
          field: `TxDtls[${i + 1}]/Amt`,
        }),
      ),
    );
  // One transaction, or a batch whose parts give no amounts to split it by: the entry is one line.
  const detail = details[0];
  const own = details.length === 1 ? amounts[0] : undefined;
  const amount = own
    ? signedAmount(own, textAt(detail, "CdtDbtInd") ?? entryIndicator, { ...ctx, field: "TxDtls/Amt" })
    : entryAmount;
  const single = line(detail, amount);
  if (details.length <= 1) return [single];
  const texts = details.map((d) => remittance(d, entry).text).filter((t): t is string => t !== null);
  return [{ ...single, remittanceText: texts.length > 0 ? [...new Set(texts)].join(" ") : null }];
}

function balance(
  record: XmlElement,
  codes: string[],
  source: StatementSource,
): { minor: number; currency: string; date: IsoDate | null } | null {
  const balances = allAt(record, "Bal");
  for (const code of codes) {
    const found = balances.find((b) => textAt(b, "Tp", "CdOrPrtry", "Cd") === code);
    if (!found) continue;
    const amount = signedAmount(firstAt(found, "Amt"), textAt(found, "CdtDbtInd"), {
      source,
      line: 0,
      field: `Bal(${code})/Amt`,
    });
    return { ...amount, date: dateChoice(firstAt(found, "Dt")) };
  }
  return null;
}

/** Reads a camt.052, camt.053 or camt.054 message, whatever its version (001.01 to 001.13). */
export function readCamt(bytes: Uint8Array, fileName: string): ParsedStatementFile {
  const source: StatementSource = { fileName, unit: "entry" };
  const xml = readXml(bytes);
  if (!xml.ok)
    throw statementError(source, {
      line: 0,
      field: "XML",
      message: xml.message.includes("DOCTYPE")
        ? "the XML declares a DOCTYPE, which camt messages never do: refused (XXE protection)"
        : xml.message,
    });
  const { root, namespace } = xml.document;
  const message = root.name === "Document" ? root.children[0] : root;
  // camt.05x.001.01 suffixes the message element with its version (BkToCstmrAcctRptV01).
  const messageName = message?.name.replace(/V\d+$/, "") ?? "";
  const recordName = MESSAGES[messageName];
  if (!message || !recordName || (namespace !== null && !/camt\.05[234]/.test(namespace)))
    throw statementError(source, {
      line: 0,
      field: "Document",
      value: message ? `${message.name} ${namespace ?? ""}`.trim() : root.name,
      message:
        "unknown camt root: expected BkToCstmrStmt (camt.053), BkToCstmrAcctRpt (camt.052) or BkToCstmrDbtCdtNtfctn (camt.054)",
    });
  const records = allAt(message, recordName);
  if (records.length === 0)
    throw statementError(source, {
      line: 0,
      field: recordName,
      message: `the ${messageName} message contains no ${recordName}`,
    });
  const headerDate = isoDatePart(textAt(message, "GrpHdr", "CreDtTm"));
  let entryIndex = 0;
  const statements = records.map((record): ParsedStatement => {
    const account = firstAt(record, "Acct");
    const iban = accountIban(account);
    const otherId = clean(textAt(account, "Id", "Othr", "Id"));
    const opening = balance(record, ["OPBD", "PRCD"], source);
    const closing = balance(record, ["CLBD"], source);
    // Reports and notifications may list entries not booked yet: their creation date stands in.
    const fallbackDate =
      recordName === "Stmt" ? null : (isoDatePart(textAt(record, "CreDtTm")) ?? headerDate);
    const lines = allAt(record, "Ntry").flatMap((entry) => {
      entryIndex += 1;
      return readEntry(entry, { source, line: entryIndex }, { ownIban: iban, fallbackDate });
    });
    const currency =
      clean(textAt(account, "Ccy")) ?? opening?.currency ?? closing?.currency ?? lines[0]?.currency ?? null;
    if (currency === null)
      throw statementError(source, {
        line: 0,
        field: "Acct/Ccy",
        message: `the ${recordName} ${textAt(record, "Id") ?? ""} gives no currency (Acct/Ccy, balance or entry)`,
      });
    const dates = lines.map((l) => l.bookingDate).sort();
    return {
      reference: clean(textAt(record, "Id")) ?? "",
      accountIban: iban,
      accountNumber: otherId ?? iban,
      bic: clean(
        textAt(account, "Svcr", "FinInstnId", "BIC") ?? textAt(account, "Svcr", "FinInstnId", "BICFI"),
      ),
      currency,
      openingBalanceMinor: opening?.minor ?? null,
      closingBalanceMinor: closing?.minor ?? null,
      fromDate: isoDatePart(textAt(record, "FrToDt", "FrDtTm")) ?? opening?.date ?? dates[0] ?? null,
      toDate: isoDatePart(textAt(record, "FrToDt", "ToDtTm")) ?? closing?.date ?? dates.at(-1) ?? null,
      lines,
    };
  });
  return { format: "camt", statements };
}
