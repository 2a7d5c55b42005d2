import type { GoldenCase, GoldenLedger } from "./in-memory-context";

export type { GoldenCase as MatchingCase } from "./in-memory-context";

/**
 * Hand-written matching cases. Each expected result says what a credit controller would book, from the
 * business meaning of the line, not from what the engine printed. Company defaults: apply at 90, write
 * off up to 1.00. All lines are booked on 2024-03-25 in EUR.
 */

const IBAN_DUPONT = "FR7630006000011234567890189";
const IBAN_MARTIN = "FR7610107001011234567890129";
const IBAN_MULLER = "DE89370400440532013000";
const IBAN_VDB = "NL91ABNA0417164300";
const IBAN_JANSSENS = "BE68539007547034";
const IBAN_HOLDING = "FR7630004000031234567890143";
const DAY = "2024-03-25";

/** The shared ledger: a French manufacturer, a carrier, a bakery, a German and a Dutch customer, a Belgian one. */
const LEDGER: GoldenLedger = {
  customers: [
    { ref: "dupont", name: "Dupont Industrie SAS", ibans: [IBAN_DUPONT] },
    { ref: "martin", name: "Martin Transports SARL", ibans: [IBAN_MARTIN] },
    { ref: "lefevre", name: "Boulangerie Lefèvre" },
    { ref: "muller", name: "Müller Maschinenbau GmbH", ibans: [IBAN_MULLER] },
    { ref: "vdb", name: "Van den Berg Logistiek B.V.", ibans: [IBAN_VDB] },
    { ref: "janssens", name: "Janssens NV", ibans: [IBAN_JANSSENS] },
    { ref: "holding", name: "Holding Dupont", ibans: [IBAN_HOLDING] },
  ],
  invoices: [
    {
      customerRef: "dupont",
      number: "FA-2024-0101",
      issueDate: "2024-01-16",
      dueDate: "2024-02-15",
      amount: "1200.00",
    },
    {
      customerRef: "dupont",
      number: "FA-2024-0102",
      issueDate: "2024-01-31",
      dueDate: "2024-03-01",
      amount: "850.00",
    },
    {
      customerRef: "dupont",
      number: "AV-2024-0005",
      type: "credit_note",
      issueDate: "2024-02-04",
      dueDate: "2024-03-05",
      amount: "-150.00",
    },
    {
      customerRef: "dupont",
      number: "FA-2024-0107",
      issueDate: "2024-02-19",
      dueDate: "2024-03-20",
      amount: "430.50",
    },
    {
      customerRef: "martin",
      number: "FA-2024-0201",
      issueDate: "2024-01-11",
      dueDate: "2024-02-10",
      amount: "2400.00",
      paymentReference: "RF18 5390 0754 7034",
    },
    {
      customerRef: "martin",
      number: "FA-2024-0202",
      issueDate: "2024-02-09",
      dueDate: "2024-03-10",
      amount: "316.80",
    },
    {
      customerRef: "lefevre",
      number: "FA-2024-0301",
      issueDate: "2024-01-29",
      dueDate: "2024-02-28",
      amount: "89.90",
    },
    {
      customerRef: "lefevre",
      number: "FA-2024-0302",
      issueDate: "2024-02-14",
      dueDate: "2024-03-15",
      amount: "1200.00",
    },
    {
      customerRef: "muller",
      number: "RE-88412",
      issueDate: "2024-01-31",
      dueDate: "2024-03-01",
      amount: "5000.00",
    },
    {
      customerRef: "muller",
      number: "RE-88413",
      issueDate: "2024-03-01",
      dueDate: "2024-03-31",
      amount: "1750.00",
    },
    {
      customerRef: "vdb",
      number: "INV-000457",
      issueDate: "2024-02-01",
      dueDate: "2024-03-01",
      amount: "640.00",
    },
    {
      customerRef: "vdb",
      number: "INV-000458",
      issueDate: "2024-02-05",
      dueDate: "2024-03-05",
      amount: "640.00",
    },
    {
      customerRef: "vdb",
      number: "INV-000460",
      issueDate: "2024-02-10",
      dueDate: "2024-03-10",
      amount: "275.00",
      paymentReference: "CUST-1234-A",
    },
    {
      customerRef: "vdb",
      number: "VDB-2024-0042",
      issueDate: "2024-02-12",
      dueDate: "2024-03-12",
      amount: "900.00",
    },
    {
      customerRef: "janssens",
      number: "VF-24-0077",
      issueDate: "2024-02-01",
      dueDate: "2024-03-02",
      amount: "980.00",
      paymentReference: "+++010/8068/17183+++",
    },
    {
      customerRef: "janssens",
      number: "VF-24-0078",
      issueDate: "2024-02-08",
      dueDate: "2024-03-09",
      amount: "450.00",
      paymentReference: "+++000/0004/56708+++",
    },
  ],
};

/** Two invoices of the same amount for one customer. */
const MOREAU: GoldenLedger = {
  customers: [{ ref: "moreau", name: "Garage Moreau", ibans: ["FR7617569000501234567890163"] }],
  invoices: [
    {
      customerRef: "moreau",
      number: "FC-10231",
      issueDate: "2024-01-11",
      dueDate: "2024-02-10",
      amount: "500.00",
    },
    {
      customerRef: "moreau",
      number: "FC-10232",
      issueDate: "2024-02-09",
      dueDate: "2024-03-10",
      amount: "500.00",
    },
  ],
};

const PHARMACIE: GoldenLedger = {
  customers: [{ ref: "pharma", name: "Pharmacie Centrale", ibans: ["FR7614508000401234567890174"] }],
  invoices: [
    {
      customerRef: "pharma",
      number: "PC-001",
      issueDate: "2024-01-02",
      dueDate: "2024-02-01",
      amount: "112.40",
    },
    {
      customerRef: "pharma",
      number: "PC-002",
      issueDate: "2024-01-05",
      dueDate: "2024-02-04",
      amount: "98.15",
    },
    {
      customerRef: "pharma",
      number: "PC-003",
      issueDate: "2024-01-09",
      dueDate: "2024-02-08",
      amount: "230.00",
    },
    {
      customerRef: "pharma",
      number: "PC-004",
      issueDate: "2024-01-12",
      dueDate: "2024-02-11",
      amount: "45.60",
    },
    {
      customerRef: "pharma",
      number: "PC-005",
      issueDate: "2024-01-16",
      dueDate: "2024-02-15",
      amount: "310.25",
    },
    {
      customerRef: "pharma",
      number: "PC-006",
      issueDate: "2024-01-19",
      dueDate: "2024-02-18",
      amount: "77.80",
    },
    {
      customerRef: "pharma",
      number: "PC-007",
      issueDate: "2024-01-23",
      dueDate: "2024-02-22",
      amount: "154.90",
    },
  ],
};

const CAFE: GoldenLedger = {
  customers: [{ ref: "cafe", name: "Café du Port", ibans: ["FR7613807000201234567890185"] }],
  invoices: [
    { customerRef: "cafe", number: "CP-1", issueDate: "2023-12-11", dueDate: "2024-01-10", amount: "100.00" },
    { customerRef: "cafe", number: "CP-2", issueDate: "2023-12-16", dueDate: "2024-01-15", amount: "150.00" },
    { customerRef: "cafe", number: "CP-3", issueDate: "2023-12-21", dueDate: "2024-01-20", amount: "200.00" },
    { customerRef: "cafe", number: "CP-4", issueDate: "2024-01-11", dueDate: "2024-02-10", amount: "150.00" },
  ],
};

const TWO_GARAGES: GoldenLedger = {
  customers: [
    { ref: "lyon", name: "Garage Martin SARL" },
    { ref: "nantes", name: "Garage Martin" },
  ],
  invoices: [
    {
      customerRef: "lyon",
      number: "GL-771",
      issueDate: "2024-02-01",
      dueDate: "2024-03-02",
      amount: "480.00",
    },
    {
      customerRef: "nantes",
      number: "GN-1204",
      issueDate: "2024-02-03",
      dueDate: "2024-03-04",
      amount: "655.00",
    },
  ],
};

const ALPHA: GoldenLedger = {
  customers: [
    { ref: "sud", name: "Alpha Sud SAS", ibans: ["FR7630003000701234567890151"] },
    { ref: "nord", name: "Alpha Nord SAS", ibans: ["FR76 3000 3000 7012 3456 7890 151"] },
  ],
  invoices: [
    {
      customerRef: "sud",
      number: "AS-5001",
      issueDate: "2024-02-01",
      dueDate: "2024-03-02",
      amount: "500.00",
    },
    {
      customerRef: "nord",
      number: "AN-6001",
      issueDate: "2024-02-01",
      dueDate: "2024-03-02",
      amount: "720.00",
    },
  ],
};

const SINGLE = (ref: string, name: string, number: string, amount: string, open?: string): GoldenLedger => ({
  customers: [{ ref, name }],
  invoices: [
    {
      customerRef: ref,
      number,
      issueDate: "2024-02-01",
      dueDate: "2024-03-02",
      amount,
      ...(open ? { open } : {}),
    },
  ],
});

const WITH_PAID_INVOICE: GoldenLedger = {
  customers: LEDGER.customers,
  invoices: [
    ...LEDGER.invoices,
    {
      customerRef: "dupont",
      number: "FA-2024-0099",
      issueDate: "2024-01-05",
      dueDate: "2024-02-04",
      amount: "500.00",
      open: "0.00",
    },
    {
      customerRef: "dupont",
      number: "FA-2024-0110",
      issueDate: "2024-02-20",
      dueDate: "2024-03-21",
      amount: "1000.00",
      open: "400.00",
    },
  ],
};

export const MATCHING_CASES: GoldenCase[] = [
  // Structured references: ISO 11649 RF.
  {
    name: "RF reference in the structured field, exact amount",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "2400.00",
      counterpartyName: "TRANSPORTS MARTIN",
      structuredReference: "RF18 5390 0754 7034",
    },
    expected: {
      outcome: "apply",
      customerRef: "martin",
      allocations: [{ number: "FA-2024-0201", amount: "2400.00" }],
    },
  },
  {
    name: "RF reference written in the free text by an unknown payer",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "2400.00", remittanceText: "Paiement RF18 5390 0754 7034 merci" },
    expected: {
      outcome: "apply",
      customerRef: "martin",
      allocations: [{ number: "FA-2024-0201", amount: "2400.00" }],
    },
  },
  {
    name: "RF reference and the customer's own IBAN agree",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "2400.00",
      counterpartyIban: IBAN_MARTIN,
      structuredReference: "RF18539007547034",
    },
    expected: {
      outcome: "apply",
      customerRef: "martin",
      allocations: [{ number: "FA-2024-0201", amount: "2400.00" }],
    },
  },
  {
    name: "RF reference with broken check digits and no other evidence: amount hint only",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "2400.00",
      counterpartyName: "SCI LES TILLEULS",
      structuredReference: "RF19 5390 0754 7034",
    },
    expected: {
      outcome: "suggest",
      customerRef: "martin",
      firstSuggestion: [{ number: "FA-2024-0201", amount: "2400.00" }],
    },
  },
  {
    name: "RF reference with broken check digits, but IBAN known and exact amount",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "316.80",
      counterpartyIban: IBAN_MARTIN,
      structuredReference: "RF19 5390 0754 7034",
    },
    expected: {
      outcome: "apply",
      customerRef: "martin",
      allocations: [{ number: "FA-2024-0202", amount: "316.80" }],
    },
  },
  {
    name: "RF reference of one customer paid from the account of another customer",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "2400.00",
      counterpartyIban: IBAN_DUPONT,
      structuredReference: "RF18539007547034",
    },
    expected: {
      outcome: "suggest",
      customerRef: "martin",
      firstSuggestion: [{ number: "FA-2024-0201", amount: "2400.00" }],
    },
  },
  {
    name: "RF reference, paid 100.00 too much: the excess stays unapplied on the customer",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "2500.00", structuredReference: "RF18539007547034" },
    expected: {
      outcome: "apply",
      customerRef: "martin",
      allocations: [{ number: "FA-2024-0201", amount: "2400.00" }],
      unapplied: "100.00",
    },
  },
  {
    name: "RF reference, paid one cent too much",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "2400.01", structuredReference: "RF18539007547034" },
    expected: {
      outcome: "apply",
      customerRef: "martin",
      allocations: [{ number: "FA-2024-0201", amount: "2400.00" }],
      unapplied: "0.01",
    },
  },
  {
    name: "RF reference, down payment announced as acompte",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "1000.00",
      structuredReference: "RF18539007547034",
      remittanceText: "ACOMPTE COMMANDE MARS",
    },
    expected: {
      outcome: "apply",
      customerRef: "martin",
      allocations: [{ number: "FA-2024-0201", amount: "1000.00" }],
    },
  },
  {
    name: "RF reference, paid less without saying so: partial shown, not applied",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "1000.00", structuredReference: "RF18539007547034" },
    expected: {
      outcome: "suggest",
      customerRef: "martin",
      firstSuggestion: [{ number: "FA-2024-0201", amount: "1000.00" }],
    },
  },
  {
    name: "RF reference, 0.65 of bank fees kept by the payer's bank: written off",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "2399.35", structuredReference: "RF18539007547034" },
    expected: {
      outcome: "apply",
      customerRef: "martin",
      allocations: [{ number: "FA-2024-0201", amount: "2399.35" }],
      writeOff: { number: "FA-2024-0201", amount: "0.65", reason: "bank_fees" },
    },
  },
  {
    name: "RF reference, two cents short: rounding written off",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "2399.98", structuredReference: "RF18539007547034" },
    expected: {
      outcome: "apply",
      customerRef: "martin",
      allocations: [{ number: "FA-2024-0201", amount: "2399.98" }],
      writeOff: { number: "FA-2024-0201", amount: "0.02", reason: "rounding" },
    },
  },
  {
    name: "RF reference, 5.00 short: beyond the tolerance, a partial to confirm",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "2395.00", structuredReference: "RF18539007547034" },
    expected: {
      outcome: "suggest",
      customerRef: "martin",
      firstSuggestion: [{ number: "FA-2024-0201", amount: "2395.00" }],
    },
  },
  {
    name: "RF reference, 5.00 short with a tolerance of 10.00: written off as bank fees",
    ledger: LEDGER,
    settings: { writeOffToleranceMinor: 1000 },
    line: { bookingDate: DAY, amount: "2395.00", structuredReference: "RF18539007547034" },
    expected: {
      outcome: "apply",
      customerRef: "martin",
      allocations: [{ number: "FA-2024-0201", amount: "2395.00" }],
      writeOff: { number: "FA-2024-0201", amount: "5.00", reason: "bank_fees" },
    },
  },
  {
    name: "RF reference to one invoice, the amount of another invoice of the same customer",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "316.80", structuredReference: "RF18539007547034" },
    expected: {
      outcome: "suggest",
      customerRef: "martin",
      firstSuggestion: [{ number: "FA-2024-0201", amount: "316.80" }],
    },
  },
  {
    name: "RF reference carrying the invoice number in its body",
    ledger: SINGLE("nord", "Imprimerie du Nord", "FA-2024-001", "1500.00"),
    line: { bookingDate: DAY, amount: "1500.00", structuredReference: "RF79FA2024001" },
    expected: {
      outcome: "apply",
      customerRef: "nord",
      allocations: [{ number: "FA-2024-001", amount: "1500.00" }],
    },
  },
  // Belgian structured communication.
  {
    name: "Belgian structured communication, exact amount",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "980.00",
      counterpartyIban: IBAN_JANSSENS,
      structuredReference: "+++010/8068/17183+++",
    },
    expected: {
      outcome: "apply",
      customerRef: "janssens",
      allocations: [{ number: "VF-24-0077", amount: "980.00" }],
    },
  },
  {
    name: "Belgian structured communication with stars and spaces, unknown payer",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "980.00", structuredReference: "*** 010 / 8068 / 17183 ***" },
    expected: {
      outcome: "apply",
      customerRef: "janssens",
      allocations: [{ number: "VF-24-0077", amount: "980.00" }],
    },
  },
  {
    name: "Two Belgian communications in the free text pay two invoices",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "1430.00",
      remittanceText: "+++010/8068/17183+++ +++000/0004/56708+++",
    },
    expected: {
      outcome: "apply",
      customerRef: "janssens",
      allocations: [
        { number: "VF-24-0077", amount: "980.00" },
        { number: "VF-24-0078", amount: "450.00" },
      ],
    },
  },
  {
    name: "Belgian communication with a wrong check digit: amount hint only",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "980.00", structuredReference: "+++010/8068/17184+++" },
    expected: {
      outcome: "suggest",
      customerRef: "janssens",
      firstSuggestion: [{ number: "VF-24-0077", amount: "980.00" }],
    },
  },
  {
    name: "Belgian communication with a wrong check digit and an amount that fits nothing",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "975.00", structuredReference: "+++010/8068/17184+++" },
    expected: { outcome: "unmatched" },
  },
  {
    name: "A company's own payment reference in the structured field",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "275.00", structuredReference: "cust-1234-a" },
    expected: {
      outcome: "apply",
      customerRef: "vdb",
      allocations: [{ number: "INV-000460", amount: "275.00" }],
    },
  },
  // Invoice numbers in the free text.
  {
    name: "Invoice number as issued, with the word FACTURE",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "850.00",
      counterpartyName: "DUPONT INDUSTRIE",
      remittanceText: "FACTURE FA-2024-0102",
    },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [{ number: "FA-2024-0102", amount: "850.00" }],
    },
  },
  {
    name: "Invoice number split by spaces",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "850.00", remittanceText: "Fact FA 2024 0102" },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [{ number: "FA-2024-0102", amount: "850.00" }],
    },
  },
  {
    name: "Invoice number in lowercase without separators",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "850.00", remittanceText: "reglement fa20240102" },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [{ number: "FA-2024-0102", amount: "850.00" }],
    },
  },
  {
    name: "Invoice number glued to N°",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "850.00", remittanceText: "Facture N°FA-2024-0102 du 31/01" },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [{ number: "FA-2024-0102", amount: "850.00" }],
    },
  },
  {
    name: "Invoice number given in the structured reference field",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "430.50", structuredReference: "FA-2024-0107" },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [{ number: "FA-2024-0107", amount: "430.50" }],
    },
  },
  {
    name: "Invoice number behind an INV prefix the number does not carry",
    ledger: SINGLE("acme", "Acme Ltd", "10457", "1250.00"),
    line: {
      bookingDate: DAY,
      amount: "1250.00",
      counterpartyName: "ACME LIMITED",
      remittanceText: "INV-10457",
    },
    expected: {
      outcome: "apply",
      customerRef: "acme",
      allocations: [{ number: "10457", amount: "1250.00" }],
    },
  },
  {
    name: "German payer: digits of the invoice number, name transliterated, exact amount",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "5000.00",
      counterpartyName: "Mueller Maschinenbau",
      remittanceText: "Rechnung 88412",
    },
    expected: {
      outcome: "apply",
      customerRef: "muller",
      allocations: [{ number: "RE-88412", amount: "5000.00" }],
    },
  },
  {
    name: "Leading zeros left out, two invoices of the same amount, IBAN known",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "640.00", counterpartyIban: IBAN_VDB, remittanceText: "INV 457" },
    expected: {
      outcome: "apply",
      customerRef: "vdb",
      allocations: [{ number: "INV-000457", amount: "640.00" }],
    },
  },
  {
    name: "One transposition in the invoice number, customer known by IBAN",
    ledger: MOREAU,
    line: {
      bookingDate: DAY,
      amount: "500.00",
      counterpartyIban: "FR7617569000501234567890163",
      remittanceText: "Facture FC-10213",
    },
    expected: {
      outcome: "apply",
      customerRef: "moreau",
      allocations: [{ number: "FC-10231", amount: "500.00" }],
    },
  },
  {
    name: "One typo in the invoice number, payer unknown: no fuzzy search, amount hints only",
    ledger: MOREAU,
    line: { bookingDate: DAY, amount: "500.00", remittanceText: "Facture FC-10213" },
    expected: {
      outcome: "suggest",
      customerRef: "moreau",
      firstSuggestion: [{ number: "FC-10231", amount: "500.00" }],
    },
  },
  {
    name: "Digits only of the invoice number, customer known by IBAN",
    ledger: MOREAU,
    line: {
      bookingDate: DAY,
      amount: "500.00",
      counterpartyIban: "FR7617569000501234567890163",
      remittanceText: "fact 10232",
    },
    expected: {
      outcome: "apply",
      customerRef: "moreau",
      allocations: [{ number: "FC-10232", amount: "500.00" }],
    },
  },
  {
    name: "Short digits of the invoice number, customer known by IBAN",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "430.50",
      counterpartyIban: IBAN_DUPONT,
      remittanceText: "reglement facture 107",
    },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [{ number: "FA-2024-0107", amount: "430.50" }],
    },
  },
  {
    name: "Dates and amounts in the text do not pass for invoice numbers",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "850.00",
      counterpartyIban: IBAN_DUPONT,
      remittanceText: "VIR 15/03/2024 MONTANT 850,00 EUR",
    },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [{ number: "FA-2024-0102", amount: "850.00" }],
    },
  },
  // Several invoices, credit notes.
  {
    name: "Two invoice numbers in one payment",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "2050.00", remittanceText: "FA-2024-0101 + FA-2024-0102" },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [
        { number: "FA-2024-0101", amount: "1200.00" },
        { number: "FA-2024-0102", amount: "850.00" },
      ],
    },
  },
  {
    name: "Three invoices and a credit note named",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "2330.50",
      remittanceText: "Fact FA-2024-0101 FA-2024-0102 FA-2024-0107 moins avoir AV-2024-0005",
    },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [
        { number: "FA-2024-0101", amount: "1200.00" },
        { number: "FA-2024-0102", amount: "850.00" },
        { number: "FA-2024-0107", amount: "430.50" },
        { number: "AV-2024-0005", amount: "-150.00" },
      ],
    },
  },
  {
    name: "Two invoices named, the customer's credit note netted without being named",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "1900.00", remittanceText: "FA-2024-0101 FA-2024-0102" },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [
        { number: "FA-2024-0101", amount: "1200.00" },
        { number: "FA-2024-0102", amount: "850.00" },
        { number: "AV-2024-0005", amount: "-150.00" },
      ],
    },
  },
  {
    name: "One invoice named, paid with exactly one more of the customer's invoices",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "1630.50", remittanceText: "FA-2024-0101" },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [
        { number: "FA-2024-0101", amount: "1200.00" },
        { number: "FA-2024-0107", amount: "430.50" },
      ],
    },
  },
  {
    name: "Two invoices named, one cent short: rounding written off on the later one",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "2049.99", remittanceText: "FA-2024-0101 FA-2024-0102" },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [
        { number: "FA-2024-0101", amount: "1200.00" },
        { number: "FA-2024-0102", amount: "849.99" },
      ],
      writeOff: { number: "FA-2024-0102", amount: "0.01", reason: "rounding" },
    },
  },
  {
    name: "Invoices of two different customers named in one payment",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "1516.80", remittanceText: "FA-2024-0101 FA-2024-0202" },
    expected: { outcome: "suggest", firstSuggestion: [{ number: "FA-2024-0101", amount: "1200.00" }] },
  },
  // Customer by IBAN.
  {
    name: "IBAN known, exact amount of one invoice",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "850.00",
      counterpartyName: "DUPONT IND",
      counterpartyIban: IBAN_DUPONT,
    },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [{ number: "FA-2024-0102", amount: "850.00" }],
    },
  },
  {
    name: "IBAN written in lowercase with spaces",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "850.00", counterpartyIban: "fr76 3000 6000 0112 3456 7890 189" },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [{ number: "FA-2024-0102", amount: "850.00" }],
    },
  },
  {
    name: "IBAN known, two invoices of the same amount and nothing else: oldest first, suggested",
    ledger: MOREAU,
    line: {
      bookingDate: DAY,
      amount: "500.00",
      counterpartyIban: "FR7617569000501234567890163",
      remittanceText: "VIREMENT",
    },
    expected: {
      outcome: "suggest",
      customerRef: "moreau",
      firstSuggestion: [{ number: "FC-10231", amount: "500.00" }],
    },
  },
  {
    name: "IBAN registered on two customers of a group: suggested",
    ledger: ALPHA,
    line: { bookingDate: DAY, amount: "720.00", counterpartyIban: "FR7630003000701234567890151" },
    expected: {
      outcome: "suggest",
      customerRef: "nord",
      firstSuggestion: [{ number: "AN-6001", amount: "720.00" }],
    },
  },
  {
    name: "IBAN known, amount fits nothing: unapplied cash on the customer",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "99.99", counterpartyIban: IBAN_DUPONT },
    expected: { outcome: "unmatched", customerRef: "dupont" },
  },
  {
    name: "IBAN known, 1.50 short of an invoice: beyond tolerance, unapplied cash on the customer",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "848.50", counterpartyIban: IBAN_DUPONT },
    expected: { outcome: "unmatched", customerRef: "dupont" },
  },
  {
    name: "IBAN known, bank fees of 0.80 on one invoice",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "849.20", counterpartyIban: IBAN_DUPONT },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [{ number: "FA-2024-0102", amount: "849.20" }],
      writeOff: { number: "FA-2024-0102", amount: "0.80", reason: "bank_fees" },
    },
  },
  {
    name: "IBAN known and invoice named, 0.60 of bank fees",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "429.90",
      counterpartyIban: IBAN_DUPONT,
      remittanceText: "FA-2024-0107",
    },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [{ number: "FA-2024-0107", amount: "429.90" }],
      writeOff: { number: "FA-2024-0107", amount: "0.60", reason: "bank_fees" },
    },
  },
  {
    name: "IBAN known, grouped payment of two invoices",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "2050.00", counterpartyIban: IBAN_DUPONT },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [
        { number: "FA-2024-0101", amount: "1200.00" },
        { number: "FA-2024-0102", amount: "850.00" },
      ],
    },
  },
  {
    name: "IBAN known, grouped payment of three invoices less the credit note",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "2330.50", counterpartyIban: IBAN_DUPONT },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [
        { number: "FA-2024-0101", amount: "1200.00" },
        { number: "FA-2024-0102", amount: "850.00" },
        { number: "FA-2024-0107", amount: "430.50" },
        { number: "AV-2024-0005", amount: "-150.00" },
      ],
    },
  },
  {
    name: "IBAN known, grouped payment of six invoices out of seven",
    ledger: PHARMACIE,
    line: { bookingDate: DAY, amount: "799.10", counterpartyIban: "FR7614508000401234567890174" },
    expected: {
      outcome: "apply",
      customerRef: "pharma",
      allocations: [
        { number: "PC-001", amount: "112.40" },
        { number: "PC-002", amount: "98.15" },
        { number: "PC-004", amount: "45.60" },
        { number: "PC-005", amount: "310.25" },
        { number: "PC-006", amount: "77.80" },
        { number: "PC-007", amount: "154.90" },
      ],
    },
  },
  {
    name: "IBAN known, two combinations fit: the one with the oldest invoice is suggested",
    ledger: CAFE,
    line: { bookingDate: DAY, amount: "300.00", counterpartyIban: "FR7613807000201234567890185" },
    expected: {
      outcome: "suggest",
      customerRef: "cafe",
      firstSuggestion: [
        { number: "CP-1", amount: "100.00" },
        { number: "CP-3", amount: "200.00" },
      ],
    },
  },
  {
    name: "Duplicate payment of an invoice already settled: unapplied cash on the customer",
    ledger: WITH_PAID_INVOICE,
    line: {
      bookingDate: DAY,
      amount: "500.00",
      counterpartyIban: IBAN_DUPONT,
      remittanceText: "FA-2024-0099",
    },
    expected: { outcome: "unmatched", customerRef: "dupont" },
  },
  {
    name: "Invoice partly paid before: its open amount is what is settled",
    ledger: WITH_PAID_INVOICE,
    line: { bookingDate: DAY, amount: "400.00", remittanceText: "Solde FA-2024-0110" },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [{ number: "FA-2024-0110", amount: "400.00" }],
    },
  },
  {
    name: "Invoice partly paid before, paid again in full: the rest stays unapplied",
    ledger: WITH_PAID_INVOICE,
    line: { bookingDate: DAY, amount: "1000.00", remittanceText: "FA-2024-0110" },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [{ number: "FA-2024-0110", amount: "400.00" }],
      unapplied: "600.00",
    },
  },
  // Customer by name.
  {
    name: "Name with a legal form and no accents, exact amount",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "89.90", counterpartyName: "BOULANGERIE LEFEVRE SARL" },
    expected: {
      outcome: "apply",
      customerRef: "lefevre",
      allocations: [{ number: "FA-2024-0301", amount: "89.90" }],
    },
  },
  {
    name: "Name with STE, words in another order, exact amount",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "89.90", counterpartyName: "STE LEFEVRE BOULANGERIE" },
    expected: {
      outcome: "apply",
      customerRef: "lefevre",
      allocations: [{ number: "FA-2024-0301", amount: "89.90" }],
    },
  },
  {
    name: "Name with one typo, exact amount",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "89.90", counterpartyName: "BOULANGERIE LEFEBVRE" },
    expected: {
      outcome: "apply",
      customerRef: "lefevre",
      allocations: [{ number: "FA-2024-0301", amount: "89.90" }],
    },
  },
  {
    name: "Name exact, grouped payment of two invoices",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "2716.80", counterpartyName: "MARTIN TRANSPORTS" },
    expected: {
      outcome: "apply",
      customerRef: "martin",
      allocations: [
        { number: "FA-2024-0201", amount: "2400.00" },
        { number: "FA-2024-0202", amount: "316.80" },
      ],
    },
  },
  {
    name: "Name exact but a stricter threshold of 98: suggested",
    ledger: LEDGER,
    settings: { autoThreshold: 98 },
    line: { bookingDate: DAY, amount: "89.90", counterpartyName: "BOULANGERIE LEFEVRE SARL" },
    expected: {
      outcome: "suggest",
      customerRef: "lefevre",
      firstSuggestion: [{ number: "FA-2024-0301", amount: "89.90" }],
    },
  },
  {
    name: "Two customers with the same name: suggested",
    ledger: TWO_GARAGES,
    line: { bookingDate: DAY, amount: "480.00", counterpartyName: "GARAGE MARTIN" },
    expected: {
      outcome: "suggest",
      customerRef: "lyon",
      firstSuggestion: [{ number: "GL-771", amount: "480.00" }],
    },
  },
  {
    name: "Name only, amount fits nothing: the likely customer is suggested, money unapplied",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "42.00", counterpartyName: "BOULANGERIE LEFEVRE" },
    expected: { outcome: "suggest", customerRef: "lefevre", firstSuggestion: [] },
  },
  {
    name: "Name too distant to identify: the amount is only a hint",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "89.90", counterpartyName: "M LEFEVRE JEAN" },
    expected: {
      outcome: "suggest",
      customerRef: "lefevre",
      firstSuggestion: [{ number: "FA-2024-0301", amount: "89.90" }],
    },
  },
  // Third parties.
  {
    name: "Parent company pays a subsidiary's invoice by its number",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "850.00",
      counterpartyName: "HOLDING DUPONT",
      remittanceText: "FA-2024-0102",
    },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [{ number: "FA-2024-0102", amount: "850.00" }],
    },
  },
  {
    name: "Parent company, itself a customer, pays by name only the amount of a subsidiary's invoice",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "850.00", counterpartyName: "HOLDING DUPONT" },
    expected: {
      outcome: "suggest",
      customerRef: "dupont",
      firstSuggestion: [{ number: "FA-2024-0102", amount: "850.00" }],
    },
  },
  {
    name: "Factoring company pays with the invoice's RF reference",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "2400.00",
      counterpartyName: "EUROFACTOR SA",
      structuredReference: "RF18539007547034",
    },
    expected: {
      outcome: "apply",
      customerRef: "martin",
      allocations: [{ number: "FA-2024-0201", amount: "2400.00" }],
    },
  },
  {
    name: "Factoring company pays without any reference",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "1234.56",
      counterpartyName: "EUROFACTOR SA",
      remittanceText: "VIREMENT EUROFACTOR 2024-03",
    },
    expected: { outcome: "unmatched" },
  },
  {
    name: "Known customer names another customer's invoice from its own account",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "316.80",
      counterpartyIban: IBAN_DUPONT,
      remittanceText: "Facture FA-2024-0202",
    },
    expected: {
      outcome: "suggest",
      customerRef: "martin",
      firstSuggestion: [{ number: "FA-2024-0202", amount: "316.80" }],
    },
  },
  // Partial payments.
  {
    name: "Partial payment announced in German (Teilzahlung)",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "2000.00",
      counterpartyIban: IBAN_MULLER,
      remittanceText: "Teilzahlung Rechnung RE-88412",
    },
    expected: {
      outcome: "apply",
      customerRef: "muller",
      allocations: [{ number: "RE-88412", amount: "2000.00" }],
    },
  },
  {
    name: "Partial payment announced in Spanish (a cuenta)",
    ledger: SINGLE("garcia", "Construcciones García SL", "F-2024-118", "3000.00"),
    line: {
      bookingDate: DAY,
      amount: "1000.00",
      counterpartyName: "CONSTRUCCIONES GARCIA",
      remittanceText: "pago a cuenta factura F-2024-118",
    },
    expected: {
      outcome: "apply",
      customerRef: "garcia",
      allocations: [{ number: "F-2024-118", amount: "1000.00" }],
    },
  },
  {
    name: "Partial payment announced in Italian (parziale)",
    ledger: SINGLE("rossi", "Rossi SpA", "2024/77", "2000.00"),
    line: {
      bookingDate: DAY,
      amount: "500.00",
      counterpartyName: "ROSSI S.P.A.",
      remittanceText: "pagamento parziale fattura 2024/77",
    },
    expected: {
      outcome: "apply",
      customerRef: "rossi",
      allocations: [{ number: "2024/77", amount: "500.00" }],
    },
  },
  {
    name: "Partial payment announced in Dutch (gedeeltelijke betaling)",
    ledger: LEDGER,
    line: {
      bookingDate: DAY,
      amount: "300.00",
      counterpartyIban: IBAN_VDB,
      remittanceText: "gedeeltelijke betaling factuur VDB 2024 0042",
    },
    expected: {
      outcome: "apply",
      customerRef: "vdb",
      allocations: [{ number: "VDB-2024-0042", amount: "300.00" }],
    },
  },
  {
    name: "Partial payment not announced on a named invoice: suggested",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "600.00", remittanceText: "FA-2024-0101" },
    expected: {
      outcome: "suggest",
      customerRef: "dupont",
      firstSuggestion: [{ number: "FA-2024-0101", amount: "600.00" }],
    },
  },
  {
    name: "Down payment over two named invoices: the oldest is settled first",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "1500.00", remittanceText: "acompte sur FA-2024-0101 et FA-2024-0102" },
    expected: {
      outcome: "apply",
      customerRef: "dupont",
      allocations: [
        { number: "FA-2024-0101", amount: "1200.00" },
        { number: "FA-2024-0102", amount: "300.00" },
      ],
    },
  },
  // Nothing to go on.
  {
    name: "Payer unknown, amount fits nothing",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "77.77", counterpartyName: "J. SMITH", remittanceText: "THANK YOU" },
    expected: { outcome: "unmatched" },
  },
  {
    name: "Payer unknown, amount of one open invoice: a hint, never applied",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "316.80", counterpartyName: "J. SMITH" },
    expected: {
      outcome: "suggest",
      customerRef: "martin",
      firstSuggestion: [{ number: "FA-2024-0202", amount: "316.80" }],
    },
  },
  {
    name: "Payer unknown, amount of invoices of two customers: the older one first",
    ledger: LEDGER,
    line: { bookingDate: DAY, amount: "1200.00" },
    expected: {
      outcome: "suggest",
      customerRef: "dupont",
      firstSuggestion: [{ number: "FA-2024-0101", amount: "1200.00" }],
    },
  },
];
