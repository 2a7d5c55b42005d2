import { describe, expect, it } from "vitest";
import { mergeSuggestions, normalizeHeader, suggestColumns } from "./suggest-columns";

const INVOICE_COLUMNS = [
  "customer_ref",
  "number",
  "issue_date",
  "due_date",
  "amount",
  "open_amount",
  "currency",
];

describe("normalizeHeader", () => {
  it.each([
    ["N° facture", "nfacture"],
    ["Date d'échéance", "datedecheance"],
    ["  Montant TTC ", "montantttc"],
    ["due_date", "duedate"],
    ["Due Date", "duedate"],
    ["ÉCHÉANCE", "echeance"],
    ["", ""],
  ])("%s → %s", (header, expected) => {
    expect(normalizeHeader(header)).toBe(expected);
  });
});

describe("suggestColumns", () => {
  it("maps the usual French headers of an invoice export", () => {
    const headers = ["Code client", "N° facture", "Date facture", "Échéance", "Montant TTC", "Reste dû"];
    expect(suggestColumns(INVOICE_COLUMNS, headers)).toEqual({
      customer_ref: "Code client",
      number: "N° facture",
      issue_date: "Date facture",
      due_date: "Échéance",
      amount: "Montant TTC",
      open_amount: "Reste dû",
    });
  });

  it("matches the native names whatever the case, accents and spaces", () => {
    expect(suggestColumns(INVOICE_COLUMNS, ["Customer Ref", "NUMBER", "Due-Date", "currency "])).toEqual({
      customer_ref: "Customer Ref",
      number: "NUMBER",
      due_date: "Due-Date",
      currency: "currency ",
    });
  });

  it("gives a header to one column only, the native name first", () => {
    const suggested = suggestColumns(["date", "amount", "invoice_number"], ["Date", "Montant", "N° facture"]);
    expect(suggested).toEqual({ date: "Date", amount: "Montant", invoice_number: "N° facture" });
    expect(suggestColumns(["amount", "open_amount"], ["Montant", "Solde"])).toEqual({
      amount: "Montant",
      open_amount: "Solde",
    });
  });

  it.each([
    ["Numéro", "number"],
    ["Date d'échéance", "due_date"],
    ["Montant", "amount"],
    ["Solde", "open_amount"],
    ["Compte", "customer_ref"],
  ])("%s → %s", (header, column) => {
    expect(suggestColumns(INVOICE_COLUMNS, [header])).toEqual({ [column]: header });
  });

  it("suggests nothing for a header it does not know", () => {
    expect(suggestColumns(INVOICE_COLUMNS, ["Commentaire", ""])).toEqual({});
  });

  it("maps a customer's name", () => {
    expect(suggestColumns(["external_ref", "name"], ["Raison sociale", "Code client"])).toEqual({
      external_ref: "Code client",
      name: "Raison sociale",
    });
    expect(suggestColumns(["customer_ref", "name", "external_ref"], ["Nom", "Compte"])).toEqual({
      customer_ref: "Compte",
      name: "Nom",
    });
  });
});

describe("mergeSuggestions", () => {
  it("keeps the choices the file still has, and fills the rest with free suggestions", () => {
    const merged = mergeSuggestions(
      { number: "Pièce", amount: "Total", due_date: "Old header" },
      { number: "N° facture", amount: "Montant", due_date: "Échéance", open_amount: "Total" },
      ["Pièce", "Total", "N° facture", "Montant", "Échéance"],
    );
    expect(merged).toEqual({ number: "Pièce", amount: "Total", due_date: "Échéance" });
  });
});

describe("suggestColumns for a bank export", () => {
  const BANK_COLUMNS = [
    "booking_date",
    "value_date",
    "amount",
    "debit",
    "credit",
    "currency",
    "counterparty_name",
    "counterparty_iban",
    "reference",
    "text",
    "bank_reference",
  ];

  it("maps a French bank's export, the label to the remittance text", () => {
    const headers = ["Date opération", "Date valeur", "Libellé", "Débit", "Crédit", "Devise"];
    expect(suggestColumns(BANK_COLUMNS, headers, "bank")).toEqual({
      booking_date: "Date opération",
      value_date: "Date valeur",
      text: "Libellé",
      debit: "Débit",
      credit: "Crédit",
      currency: "Devise",
    });
  });

  it("reads a lone Date as the booking date and Montant as the signed amount", () => {
    expect(suggestColumns(BANK_COLUMNS, ["Date", "Montant", "Tiers", "IBAN"], "bank")).toEqual({
      booking_date: "Date",
      amount: "Montant",
      counterparty_name: "Tiers",
      counterparty_iban: "IBAN",
    });
  });
});
