/** A camt.053.001.02 statement as banks write it, for tests that import bank lines. */
export type CamtEntry = {
  amount: string;
  /** CRDT: money received (the default); DBIT: money out (a return when `returnReason` is set). */
  side?: "CRDT" | "DBIT";
  date: string;
  name?: string;
  iban?: string;
  reference?: string;
  text?: string;
  endToEndId?: string;
  returnReason?: string;
  bankReference?: string;
};

const xmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function camt053(input: { id: string; iban: string; entries: CamtEntry[] }): string {
  const entries = input.entries
    .map((e, i) => {
      const side = e.side ?? "CRDT";
      const party = side === "CRDT" ? "Dbtr" : "Cdtr";
      const account = side === "CRDT" ? "DbtrAcct" : "CdtrAcct";
      const remittance = [
        e.text ? `<Ustrd>${xmlText(e.text)}</Ustrd>` : "",
        e.reference ? `<Strd><CdtrRefInf><Ref>${xmlText(e.reference)}</Ref></CdtrRefInf></Strd>` : "",
      ].join("");
      return `
      <Ntry>
        <Amt Ccy="EUR">${e.amount}</Amt>
        <CdtDbtInd>${side}</CdtDbtInd>
        ${e.returnReason ? "<RvslInd>true</RvslInd>" : ""}
        <Sts>BOOK</Sts>
        <BookgDt><Dt>${e.date}</Dt></BookgDt>
        <ValDt><Dt>${e.date}</Dt></ValDt>
        <AcctSvcrRef>${xmlText(e.bankReference ?? `${input.id}-${i + 1}`)}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${side === "CRDT" ? "RCDT" : "IDDT"}</Cd><SubFmlyCd>${e.returnReason ? "UPDD" : "ESCT"}</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>${xmlText(e.endToEndId ?? "NOTPROVIDED")}</EndToEndId></Refs>
          <Amt Ccy="EUR">${e.amount}</Amt>
          <CdtDbtInd>${side}</CdtDbtInd>
          <RltdPties>
            ${e.name ? `<${party}><Nm>${xmlText(e.name)}</Nm></${party}>` : ""}
            ${e.iban ? `<${account}><Id><IBAN>${e.iban}</IBAN></Id></${account}>` : ""}
          </RltdPties>
          ${remittance ? `<RmtInf>${remittance}</RmtInf>` : ""}
          ${e.returnReason ? `<RtrInf><Rsn><Cd>${e.returnReason}</Cd></Rsn></RtrInf>` : ""}
        </TxDtls></NtryDtls>
      </Ntry>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>${input.id}</MsgId><CreDtTm>2026-06-30T18:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>${input.id}</Id>
      <CreDtTm>2026-06-30T18:00:00</CreDtTm>
      <Acct><Id><IBAN>${input.iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>
      ${entries}
    </Stmt>
  </BkToCstmrStmt>
</Document>`;
}
