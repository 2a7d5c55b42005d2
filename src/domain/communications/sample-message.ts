import type { IsoDate } from "../../shared/dates";
import type { LanguageCode } from "../../shared/schemas";
import type { TemplateChannel } from "./communications.schemas";
import { BANK_MARK, TABLE_MARK } from "./letter-layout";
import { buildVariables, type MessageData } from "./message-variables";

/** A complete message used to validate templates: every variable a template may read has a value. */
export const SAMPLE_MESSAGE: MessageData = {
  today: "2026-03-16" as IsoDate,
  currency: "EUR",
  company: {
    name: "Exemple SAS",
    addressLine1: "12 rue de la Paix",
    addressLine2: null,
    postalCode: "75002",
    city: "Paris",
    phone: "+33 1 23 45 67 89",
    iban: "FR76 3000 6000 0112 3456 7890 189",
    bic: "AGRIFRPP",
    legalId: "123 456 789",
    vatId: "FR12123456789",
    legalMentions: "SAS au capital de 100 000 € — RCS Paris 123 456 789",
    senderName: "Service relances",
    senderEmail: "relances@exemple.fr",
  },
  customer: {
    id: 1,
    externalRef: "C0001",
    name: "Client Exemple SARL",
    addressLine1: "3 avenue des Lilas",
    addressLine2: null,
    postalCode: "69003",
    city: "Lyon",
    legalId: "987 654 321",
  },
  contact: { name: "Marie Dupont", email: "compta@client.example" },
  collector: { name: "Sophie Bernard", email: "sophie.bernard@exemple.fr" },
  invoices: [
    {
      number: "FA-2026-0042",
      issueDate: "2026-01-15",
      dueDate: "2026-02-14",
      amountMinor: 120000,
      openAmountMinor: 120000,
    },
    {
      number: "FA-2026-0057",
      issueDate: "2026-01-31",
      dueDate: "2026-03-02",
      amountMinor: 45060,
      openAmountMinor: 20000,
    },
  ],
  claim: { interest: "21.48", indemnity: "80.00", indemnityCurrency: "EUR", indemnityCount: 2 },
  customerUrl: "http://localhost:3000/customers/1",
  dispute: {
    reason: { fr: "Prix", en: "Price" },
    invoices: [{ number: "FA-2026-0042", amount: "1200.00", currency: "EUR" }],
    deadline: "2026-03-31",
    note: "Remise de 10 % non appliquée",
    openedBy: "Sophie Bernard",
  },
};

/** The sample variables of a channel: letters also place the invoice table and the bank details. */
export function sampleVariables(language: LanguageCode = "fr", channel: TemplateChannel = "email"): object {
  const variables = buildVariables(SAMPLE_MESSAGE, language);
  return channel === "letter"
    ? { ...variables, invoice_table: TABLE_MARK, bank_details: BANK_MARK }
    : variables;
}
