import { describe, expect, it } from "vitest";
import {
  customerLineRole,
  type EntryFacts,
  entryFacts,
  isCustomerAccount,
  isOpeningJournal,
  isPurchaseJournal,
  isSalesJournal,
  isSupplierAccount,
  isSupplierBill,
  isTreasuryAccount,
  partyName,
  partyRef,
} from "./fec-rules";

const NONE: EntryFacts = {
  isOpening: false,
  hasTreasury: false,
  hasRevenue: false,
  hasPurchase: false,
  isSalesJournal: false,
  isPurchaseJournal: false,
};

describe("accounts", () => {
  it.each([
    ["411000", true],
    ["41100000", true],
    ["411DUPONT", true],
    ["416000", true],
    ["4191", false],
    ["401000", false],
    ["413000", false],
  ])("customer account %s → %s", (account, expected) => {
    expect(isCustomerAccount(account)).toBe(expected);
  });

  it.each([
    ["401000", true],
    ["40100000", true],
    ["404000", true],
    ["408000", false],
    ["411000", false],
  ])("supplier account %s → %s", (account, expected) => {
    expect(isSupplierAccount(account)).toBe(expected);
  });

  it.each([
    ["512000", true],
    ["51210000", true],
    ["511200", true],
    ["530000", true],
    ["413000", true],
    ["580000", false],
    ["445710", false],
  ])("treasury account %s → %s", (account, expected) => {
    expect(isTreasuryAccount(account)).toBe(expected);
  });
});

describe("journals", () => {
  it.each([
    ["AN", "", true],
    ["ANO", "A nouveaux", true],
    ["RAN", "", true],
    ["AD", "A Nouveaux Détaillés", true],
    ["OUV", "Journal d'ouverture", true],
    ["ZZ", "Report à nouveau", true],
    ["VE", "Ventes", false],
    ["OD", "Nouveau client", false],
  ])("opening %s %j → %s", (code, label, expected) => {
    expect(isOpeningJournal(code, label)).toBe(expected);
  });

  it.each([
    ["VE", "", true],
    ["VT", "", true],
    ["ven", "", true],
    ["J1", "Journal des ventes", true],
    ["BQ", "Banque", false],
  ])("sales hint %s %j → %s", (code, label, expected) => {
    expect(isSalesJournal(code, label)).toBe(expected);
  });

  it.each([
    ["AC", "", true],
    ["HA", "", true],
    ["J2", "Achats", true],
    ["VE", "Ventes", false],
  ])("purchase hint %s %j → %s", (code, label, expected) => {
    expect(isPurchaseJournal(code, label)).toBe(expected);
  });
});

describe("entryFacts", () => {
  it("reads the journal from the first line and the accounts from all", () => {
    const line = (account: string) => ({ journalCode: "VE", journalLib: "Ventes", account });
    expect(entryFacts([line("411000"), line("706000"), line("445710")])).toEqual({
      ...NONE,
      hasRevenue: true,
      isSalesJournal: true,
    });
  });
});

describe("customerLineRole", () => {
  it.each<[string, Partial<EntryFacts>, number, string]>([
    ["opening debit", { isOpening: true, hasTreasury: true }, 100, "opening"],
    ["opening credit", { isOpening: true }, -100, "opening"],
    ["sale", { hasRevenue: true }, 100, "sale"],
    ["credit note", { hasRevenue: true }, -100, "sale"],
    ["OD credit note against revenue", { hasRevenue: true }, -100, "sale"],
    ["deposit invoice in a sales journal", { isSalesJournal: true }, 100, "sale"],
    ["bank receipt", { hasTreasury: true }, -100, "payment"],
    ["bank refund or bounced payment", { hasTreasury: true }, 100, "refund"],
    ["cash sale: invoice", { hasTreasury: true, hasRevenue: true }, 100, "sale"],
    ["cash sale: payment", { hasTreasury: true, hasRevenue: true }, -100, "payment"],
    ["write-off", {}, -100, "adjustment"],
    ["customer line in a purchase entry", { hasPurchase: true }, 100, "adjustment"],
  ])("%s → %s", (_, facts, signed, role) => {
    expect(customerLineRole({ ...NONE, ...facts }, signed)).toBe(role);
  });
});

describe("isSupplierBill", () => {
  it.each<[string, Partial<EntryFacts>, number, boolean]>([
    ["purchase credit", { hasPurchase: true }, -100, true],
    ["purchase-journal credit without expense lines", { isPurchaseJournal: true }, -100, true],
    ["opening credit (with the bank balance)", { isOpening: true, hasTreasury: true }, -100, true],
    ["supplier credit note", { hasPurchase: true }, 100, false],
    ["payment to the supplier", { hasTreasury: true }, 100, false],
    ["bank credit on 401", { hasTreasury: true, hasPurchase: true }, -100, false],
    ["OD reclassification", {}, -100, false],
  ])("%s → %s", (_, facts, signed, expected) => {
    expect(isSupplierBill({ ...NONE, ...facts }, signed)).toBe(expected);
  });
});

describe("party", () => {
  it("is the auxiliary account, else the general account", () => {
    const aux = {
      auxAccount: "C001",
      auxLabel: "Société Générale",
      account: "411000",
      accountLabel: "Clients",
    };
    const general = { auxAccount: "", auxLabel: "", account: "411DUPONT", accountLabel: "Dupont SARL" };
    expect([partyRef(aux), partyName(aux)]).toEqual(["C001", "Société Générale"]);
    expect([partyRef(general), partyName(general)]).toEqual(["411DUPONT", "Dupont SARL"]);
    expect(partyName({ ...aux, auxLabel: "" })).toBe("C001");
  });
});
