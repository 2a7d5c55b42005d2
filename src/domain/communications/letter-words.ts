import type { LanguageCode } from "../../shared/schemas";

/** The words a letter's layout prints around the template's text, per language. */
export type LetterWords = {
  subject: string;
  /** "{place}, le {date}" */
  placeAndDate: (place: string, date: string) => string;
  registered: string;
  invoice: string;
  date: string;
  dueDate: string;
  amount: string;
  open: string;
  daysOverdue: string;
  interest: string;
  principal: string;
  lateInterest: string;
  indemnity: string;
  total: string;
  totalDue: string;
  bankDetails: string;
  reference: string;
  statementTitle: (date: string) => string;
  legalId: string;
  vatId: string;
  page: (page: number, count: number) => string;
};

export const LETTER_WORDS: Readonly<Record<LanguageCode, LetterWords>> = {
  fr: {
    subject: "Objet :",
    placeAndDate: (place, date) => (place ? `${place}, le ${date}` : `Le ${date}`),
    registered: "LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION",
    invoice: "Facture",
    date: "Date",
    dueDate: "Échéance",
    amount: "Montant TTC",
    open: "Reste dû",
    daysOverdue: "Jours de retard",
    interest: "Pénalités",
    principal: "Principal restant dû",
    lateInterest: "Pénalités de retard à ce jour",
    indemnity: "Indemnité forfaitaire pour frais de recouvrement",
    total: "Total",
    totalDue: "Total dû",
    bankDetails: "Coordonnées bancaires",
    reference: "Référence à rappeler",
    statementTitle: (date) => `Relevé de compte au ${date}`,
    legalId: "SIREN",
    vatId: "N° TVA",
    page: (page, count) => `Page ${page} sur ${count}`,
  },
  en: {
    subject: "Subject:",
    placeAndDate: (place, date) => (place ? `${place}, ${date}` : date),
    registered: "RECORDED DELIVERY",
    invoice: "Invoice",
    date: "Date",
    dueDate: "Due date",
    amount: "Amount",
    open: "Outstanding",
    daysOverdue: "Days overdue",
    interest: "Interest",
    principal: "Principal outstanding",
    lateInterest: "Late-payment interest to date",
    indemnity: "Fixed compensation for recovery costs",
    total: "Total",
    totalDue: "Total due",
    bankDetails: "Bank details",
    reference: "Reference to quote",
    statementTitle: (date) => `Statement of account as at ${date}`,
    legalId: "Company no.",
    vatId: "VAT no.",
    page: (page, count) => `Page ${page} of ${count}`,
  },
  de: {
    subject: "Betreff:",
    placeAndDate: (place, date) => (place ? `${place}, ${date}` : date),
    registered: "EINSCHREIBEN MIT RÜCKSCHEIN",
    invoice: "Rechnung",
    date: "Datum",
    dueDate: "Fällig am",
    amount: "Betrag",
    open: "Offen",
    daysOverdue: "Tage überfällig",
    interest: "Zinsen",
    principal: "Offene Hauptforderung",
    lateInterest: "Verzugszinsen bis heute",
    indemnity: "Verzugspauschale",
    total: "Summe",
    totalDue: "Gesamtforderung",
    bankDetails: "Bankverbindung",
    reference: "Verwendungszweck",
    statementTitle: (date) => `Kontoauszug zum ${date}`,
    legalId: "Handelsregister",
    vatId: "USt-IdNr.",
    page: (page, count) => `Seite ${page} von ${count}`,
  },
  es: {
    subject: "Asunto:",
    placeAndDate: (place, date) => (place ? `${place}, ${date}` : date),
    registered: "CARTA CERTIFICADA CON ACUSE DE RECIBO",
    invoice: "Factura",
    date: "Fecha",
    dueDate: "Vencimiento",
    amount: "Importe",
    open: "Pendiente",
    daysOverdue: "Días de retraso",
    interest: "Intereses",
    principal: "Principal pendiente",
    lateInterest: "Intereses de demora a la fecha",
    indemnity: "Indemnización por costes de cobro",
    total: "Total",
    totalDue: "Total adeudado",
    bankDetails: "Datos bancarios",
    reference: "Referencia a indicar",
    statementTitle: (date) => `Extracto de cuenta a ${date}`,
    legalId: "NIF",
    vatId: "NIF-IVA",
    page: (page, count) => `Página ${page} de ${count}`,
  },
  it: {
    subject: "Oggetto:",
    placeAndDate: (place, date) => (place ? `${place}, ${date}` : date),
    registered: "RACCOMANDATA A/R",
    invoice: "Fattura",
    date: "Data",
    dueDate: "Scadenza",
    amount: "Importo",
    open: "Residuo",
    daysOverdue: "Giorni di ritardo",
    interest: "Interessi",
    principal: "Capitale residuo",
    lateInterest: "Interessi di mora ad oggi",
    indemnity: "Risarcimento forfettario dei costi di recupero",
    total: "Totale",
    totalDue: "Totale dovuto",
    bankDetails: "Coordinate bancarie",
    reference: "Causale da indicare",
    statementTitle: (date) => `Estratto conto al ${date}`,
    legalId: "Codice fiscale",
    vatId: "Partita IVA",
    page: (page, count) => `Pagina ${page} di ${count}`,
  },
  nl: {
    subject: "Betreft:",
    placeAndDate: (place, date) => (place ? `${place}, ${date}` : date),
    registered: "AANGETEKEND MET ONTVANGSTBEVESTIGING",
    invoice: "Factuur",
    date: "Datum",
    dueDate: "Vervaldatum",
    amount: "Bedrag",
    open: "Openstaand",
    daysOverdue: "Dagen te laat",
    interest: "Rente",
    principal: "Openstaande hoofdsom",
    lateInterest: "Wettelijke handelsrente tot heden",
    indemnity: "Vergoeding incassokosten",
    total: "Totaal",
    totalDue: "Totaal verschuldigd",
    bankDetails: "Bankgegevens",
    reference: "Betalingskenmerk",
    statementTitle: (date) => `Rekeningoverzicht per ${date}`,
    legalId: "KvK-nummer",
    vatId: "Btw-nummer",
    page: (page, count) => `Pagina ${page} van ${count}`,
  },
};
