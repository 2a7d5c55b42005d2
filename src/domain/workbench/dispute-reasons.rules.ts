/**
 * The reasons a new company starts with (the list the issue names, plus "other"); the administrator renames,
 * reorders, deactivates or adds to them afterwards. The same codes were seeded for the companies that existed
 * when the catalogue table arrived (migration 0007), so older disputes keep their reason.
 */
export const DEFAULT_DISPUTE_REASONS: readonly { code: string; labelFr: string; labelEn: string }[] = [
  { code: "price", labelFr: "Prix", labelEn: "Price" },
  { code: "quantity", labelFr: "Quantité", labelEn: "Quantity" },
  { code: "quality", labelFr: "Qualité", labelEn: "Quality" },
  {
    code: "not_received",
    labelFr: "Marchandise ou prestation non reçue",
    labelEn: "Goods or service not received",
  },
  { code: "already_paid", labelFr: "Déjà payée", labelEn: "Already paid" },
  { code: "duplicate_billing", labelFr: "Facturation en double", labelEn: "Duplicate billing" },
  { code: "missing_purchase_order", labelFr: "Bon de commande manquant", labelEn: "Missing purchase order" },
  { code: "other", labelFr: "Autre", labelEn: "Other" },
];

/** Positions leave room between reasons (10, 20, …), as the seeding migration did. */
export const POSITION_STEP = 10;

/** Checks a new order against the catalogue: every code once, none unknown. The issues name the codes. */
export function orderIssues(current: readonly string[], wanted: readonly string[]): string[] {
  const known = new Set(current);
  const listed = new Set(wanted);
  const unknown = wanted.filter((code) => !known.has(code));
  const missing = current.filter((code) => !listed.has(code));
  return [
    ...(unknown.length > 0 ? [`names unknown reasons: ${unknown.join(", ")}`] : []),
    ...(missing.length > 0 ? [`leaves out ${missing.join(", ")}: list every reason once`] : []),
  ];
}
