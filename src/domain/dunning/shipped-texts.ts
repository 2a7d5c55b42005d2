import type { ScenarioDefinition } from "./dunning.schemas";

/**
 * The shipped scenarios' names and texts in the company's language (English is the source);
 * a company created in French gets "Relance standard", not "Standard".
 */
const TEXTS: Record<string, Record<string, string>> = {
  fr: {
    Standard: "Standard",
    "Key accounts": "Grands comptes",
    "Small invoices": "Petites factures",
    "Strategic customers": "Clients stratégiques",
    "Small balances": "Petits encours",
    "Shipped with Encours": "Fourni avec Encours",
    "Courtesy email before the due date, three emails, a formal notice letter at D+30, then a litigation review.":
      "Courriel de courtoisie avant l'échéance, trois relances par courriel, mise en demeure par courrier à J+30, puis examen du contentieux.",
    "Account statement at the due date, a call at D+3, the sales rep informed at D+10.":
      "Relevé de compte à l'échéance, appel à J+3, commercial informé à J+10.",
    "Email at D+1 and D+10, SMS at D+20, no letters.": "Courriel à J+1 et J+10, SMS à J+20, aucun courrier.",
    "Courtesy reminder": "Relance de courtoisie",
    "Due date reminder": "Rappel d'échéance",
    "Second reminder": "Deuxième relance",
    "Third reminder: late-payment penalties": "Troisième relance : pénalités de retard",
    "Formal notice": "Mise en demeure",
    "Litigation review": "Examen contentieux",
    "Account statement": "Relevé de compte",
    "Call the customer": "Appel du client",
    "Inform the sales rep": "Information du commercial",
    Reminder: "Relance",
    "Text message": "SMS",
    "Invoice due today, not paid": "Facture échue aujourd'hui, non réglée",
    "Call the customer about the overdue invoices": "Appeler le client au sujet des factures échues",
    "Handed over to the collection department": "Dossier transmis au service recouvrement",
    "Follow up: penalties announced": "Relancer : pénalités annoncées",
    "Decide on litigation": "Décider d'un passage au contentieux",
    "Call the key account about its overdue invoices":
      "Appeler le grand compte au sujet de ses factures échues",
  },
  de: {
    Standard: "Standard",
    "Key accounts": "Schlüsselkunden",
    "Small invoices": "Kleine Rechnungen",
    "Strategic customers": "Strategische Kunden",
    "Small balances": "Kleine Salden",
    "Shipped with Encours": "Mit Encours ausgeliefert",
    "Courtesy email before the due date, three emails, a formal notice letter at D+30, then a litigation review.":
      "Freundliche Erinnerung vor Fälligkeit, drei Mahn-E-Mails, Mahnschreiben per Brief an T+30, dann Prüfung des Inkassos.",
    "Account statement at the due date, a call at D+3, the sales rep informed at D+10.":
      "Kontoauszug bei Fälligkeit, Anruf an T+3, Vertrieb informiert an T+10.",
    "Email at D+1 and D+10, SMS at D+20, no letters.": "E-Mail an T+1 und T+10, SMS an T+20, keine Briefe.",
    "Courtesy reminder": "Freundliche Erinnerung",
    "Due date reminder": "Zahlungserinnerung",
    "Second reminder": "Erste Mahnung",
    "Third reminder: late-payment penalties": "Zweite Mahnung: Verzugszinsen",
    "Formal notice": "Letzte Mahnung",
    "Litigation review": "Prüfung Inkasso",
    "Account statement": "Kontoauszug",
    "Call the customer": "Kunden anrufen",
    "Inform the sales rep": "Vertrieb informieren",
    Reminder: "Erinnerung",
    "Text message": "SMS",
    "Invoice due today, not paid": "Rechnung heute fällig, nicht bezahlt",
    "Call the customer about the overdue invoices": "Kunden wegen der überfälligen Rechnungen anrufen",
    "Handed over to the collection department": "An das Forderungsmanagement übergeben",
    "Follow up: penalties announced": "Nachfassen: Verzugszinsen angekündigt",
    "Decide on litigation": "Über gerichtliches Mahnverfahren entscheiden",
    "Call the key account about its overdue invoices":
      "Schlüsselkunden wegen überfälliger Rechnungen anrufen",
  },
};

export function shippedText(text: string, language: string): string {
  return TEXTS[language]?.[text] ?? text;
}

export function localizeDefinition(definition: ScenarioDefinition, language: string): ScenarioDefinition {
  const t = (text: string) => shippedText(text, language);
  return {
    ...(definition.description ? { description: t(definition.description) } : {}),
    steps: definition.steps.map((step) => ({
      ...step,
      name: t(step.name),
      actions: step.actions.map((action) => (action.title ? { ...action, title: t(action.title) } : action)),
    })),
  };
}
