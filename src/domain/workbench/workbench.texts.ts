import { formatMajor, type Money } from "../../shared/money";

/**
 * Task titles and alert messages are read as they are by the people of the company, so they are
 * written in the company's language (French or English; English for the others until translated).
 * Timeline summaries stay in English: the web app rewrites them from their data.
 */
type Language = "fr" | "en";

function languageOf(code: string | null | undefined): Language {
  return code === "fr" ? "fr" : "en";
}

function amount(value: Money, language: Language): string {
  const text = formatMajor(value);
  return `${language === "fr" ? text.replace(".", ",") : text} ${value.currency}`;
}

function day(date: string, language: Language): string {
  return language === "fr" ? date.split("-").reverse().join("/") : date;
}

export type PromiseFacts = {
  customerName: string;
  promised: Money;
  paid: Money;
  promisedDate: string;
  outcome: "partly_kept" | "broken";
};

export function promiseTaskTitle(facts: PromiseFacts, languageCode: string | null): string {
  const language = languageOf(languageCode);
  const promised = amount(facts.promised, language);
  const date = day(facts.promisedDate, language);
  if (facts.outcome === "broken") {
    return language === "fr"
      ? `Promesse non tenue : ${promised} promis pour le ${date}, aucun règlement reçu. Rappeler le client.`
      : `Broken promise: ${promised} promised for ${date}, no payment received. Call the customer.`;
  }
  const paid = amount(facts.paid, language);
  return language === "fr"
    ? `Promesse partiellement tenue : ${paid} reçus sur ${promised} promis pour le ${date}. Rappeler le client.`
    : `Promise partly kept: ${paid} received of ${promised} promised for ${date}. Call the customer.`;
}

export function promiseAlertMessage(facts: PromiseFacts, languageCode: string | null): string {
  const language = languageOf(languageCode);
  const promised = amount(facts.promised, language);
  const date = day(facts.promisedDate, language);
  if (facts.outcome === "broken") {
    return language === "fr"
      ? `${facts.customerName} : promesse de règlement non tenue (${promised} pour le ${date}).`
      : `${facts.customerName}: promise to pay broken (${promised} by ${date}).`;
  }
  const paid = amount(facts.paid, language);
  return language === "fr"
    ? `${facts.customerName} : promesse de règlement partiellement tenue (${paid} sur ${promised} pour le ${date}).`
    : `${facts.customerName}: promise to pay partly kept (${paid} of ${promised} by ${date}).`;
}

export type DisputeFacts = {
  customerName: string;
  invoiceNumbers: string[];
  /** The reason's labels in the company's catalogue. */
  reason: { fr: string; en: string };
  deadline: string | null;
};

export function disputeOwnerMessage(facts: DisputeFacts, languageCode: string | null): string {
  const language = languageOf(languageCode);
  const reason = facts.reason[language];
  const invoices = facts.invoiceNumbers.join(", ");
  const deadline = facts.deadline ? day(facts.deadline, language) : null;
  if (language === "fr") {
    const plural = facts.invoiceNumbers.length > 1 ? "factures" : "facture";
    return `Litige qui vous est confié : ${facts.customerName}, ${plural} ${invoices}, motif « ${reason.toLowerCase()} »${deadline ? `, à traiter avant le ${deadline}` : ""}.`;
  }
  const plural = facts.invoiceNumbers.length > 1 ? "invoices" : "invoice";
  return `Dispute assigned to you: ${facts.customerName}, ${plural} ${invoices}, reason "${reason.toLowerCase()}"${deadline ? `, to settle by ${deadline}` : ""}.`;
}

/** The next task's title when the collector typed none, in the assignee's language. */
export function defaultCallTaskTitle({
  type,
  customerName,
  languageCode,
}: {
  type: string;
  customerName: string;
  languageCode: string | null;
}): string {
  const language = languageOf(languageCode);
  const fr: Record<string, string> = {
    call: `Rappeler ${customerName}`,
    email: `Écrire à ${customerName}`,
    review: `Revoir le dossier ${customerName}`,
  };
  const en: Record<string, string> = {
    call: `Call ${customerName} back`,
    email: `Email ${customerName}`,
    review: `Review ${customerName}'s account`,
  };
  return (language === "fr" ? fr : en)[type] ?? customerName;
}

/** The alert when a customer's open items pass its credit limit. */
export function creditLimitAlertMessage(
  facts: { customerName: string; exposure: Money; limit: Money },
  languageCode: string | null,
): string {
  const language = languageOf(languageCode);
  const exposure = amount(facts.exposure, language);
  const limit = amount(facts.limit, language);
  return language === "fr"
    ? `${facts.customerName} : plafond de crédit dépassé (encours ${exposure} pour un plafond de ${limit}).`
    : `${facts.customerName}: credit limit exceeded (exposure ${exposure} against a limit of ${limit}).`;
}
