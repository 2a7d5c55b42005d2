/**
 * A header reduced to what a person means by it: lower case, without accents, spaces or
 * punctuation ("N° Facture" → "nfacture", "Date d'échéance" → "datedecheance", "due_date" → "duedate").
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/**
 * Headers that French ERPs and accounting exports commonly use for each native column, normalized.
 * Tried in order, after the native names themselves.
 */
const FRENCH_HEADERS: Readonly<Record<string, readonly string[]>> = {
  customer_ref: ["codeclient", "compte", "compteclient", "numeroclient", "nclient", "client"],
  // For a customers file, the customer's own code; other kinds claim it for `customer_ref` first.
  external_ref: ["codeclient", "compte", "compteclient", "numeroclient", "referenceexterne", "identifiant"],
  name: ["raisonsociale", "nom", "nomclient"],
  number: ["nfacture", "numero", "numerofacture", "nofacture", "numfacture", "npiece", "numeropiece"],
  invoice_number: ["nfacture", "numerofacture", "nofacture", "facture", "factureregle"],
  type: ["typedepiece", "typepiece"],
  issue_date: ["datefacture", "datedefacture", "dateemission", "datepiece", "date"],
  due_date: ["echeance", "datedecheance", "dateecheance"],
  date: ["datereglement", "datedereglement", "datepaiement", "dateencaissement"],
  amount: ["montantttc", "montant", "montantfacture", "montantregle"],
  open_amount: ["restedu", "solde", "resteapayer", "montantrestant", "soldedu"],
  currency: ["devise", "monnaie"],
  po_number: ["ncommande", "numerocommande", "bondecommande", "commande"],
  reference: ["reference", "libelle", "referencevirement"],
  email: ["courriel", "mail", "adressemail", "adresseemail"],
  phone: ["telephone", "tel"],
  country: ["pays"],
  language: ["langue"],
  payment_terms: ["conditionsdepaiement", "delaidepaiement", "conditionsreglement"],
  credit_limit: ["encoursautorise", "plafond", "limitedecredit"],
  legal_id: ["siren", "siret"],
  vat_id: ["ntva", "numerotva", "tvaintracommunautaire", "tva"],
  role: ["fonction"],
  preferred_channel: ["canal", "canalprefere"],
};

/** A bank's export: "Libellé" is the remittance text there, "Date" the booking date. */
const BANK_HEADERS: Readonly<Record<string, readonly string[]>> = {
  booking_date: ["dateoperation", "datecomptable", "datedoperation", "date"],
  value_date: ["datevaleur", "datedevaleur"],
  amount: ["montant", "montanteur", "somme"],
  debit: ["debit", "montantdebit", "debiteur"],
  credit: ["credit", "montantcredit", "crediteur"],
  currency: ["devise", "monnaie"],
  counterparty_name: ["tiers", "nomdutiers", "contrepartie", "emetteur", "donneurdordre", "beneficiaire"],
  counterparty_iban: ["ibancontrepartie", "ibantiers", "ibandonneurdordre", "iban"],
  reference: ["referencedebout", "referenceclient", "referencestructuree", "reference"],
  text: ["libelle", "libelleoperation", "motif", "communication", "informations"],
  bank_reference: ["referencebancaire", "referenceoperation", "numerooperation"],
};

/**
 * Proposes, for each native column, the header of the file that feeds it: first the headers that
 * are the native name itself, then the common French headers. A header feeds one column at most,
 * so "Date" goes to `issue_date` only when no other header claimed it. Returns native → header.
 */
export function suggestColumns(
  nativeColumns: readonly string[],
  headers: readonly string[],
  kind?: string,
): Record<string, string> {
  const known = kind === "bank" ? BANK_HEADERS : FRENCH_HEADERS;
  const byNormalized = new Map<string, string>();
  for (const header of headers) {
    const key = normalizeHeader(header);
    if (key && !byNormalized.has(key)) byNormalized.set(key, header);
  }
  const used = new Set<string>();
  const suggested: Record<string, string> = {};
  const claim = (column: string, candidate: string): boolean => {
    const header = byNormalized.get(candidate);
    if (header === undefined || used.has(header)) return false;
    used.add(header);
    suggested[column] = header;
    return true;
  };
  // The exact names first, so that a file with a "date" column keeps it for `date`.
  for (const column of nativeColumns) claim(column, normalizeHeader(column));
  for (const column of nativeColumns) {
    if (suggested[column] !== undefined) continue;
    for (const candidate of known[column] ?? []) {
      if (claim(column, candidate)) break;
    }
  }
  return suggested;
}

/**
 * The columns after a new sample file is loaded: the choices already made are kept when the file
 * has that header, and the suggestions fill the columns still empty with headers still free.
 */
export function mergeSuggestions(
  current: Readonly<Record<string, string>>,
  suggested: Readonly<Record<string, string>>,
  headers: readonly string[],
): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [column, header] of Object.entries(current)) {
    if (headers.includes(header)) merged[column] = header;
  }
  const used = new Set(Object.values(merged));
  for (const [column, header] of Object.entries(suggested)) {
    if (merged[column] !== undefined || used.has(header)) continue;
    merged[column] = header;
    used.add(header);
  }
  return merged;
}
