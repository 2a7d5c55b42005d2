import type { frLegal } from "./fr-legal";

/** English texts of the legal pack. */
export const enLegal: Record<keyof typeof frLegal, string> = {
  "nav.referenceRates": "Reference rates",

  "legal.claim.statementPdf": "Account statement (PDF)",
  "legal.claim.title": "Claim",
  "legal.claim.asOf": "As of",
  "legal.claim.invoice": "Invoice",
  "legal.claim.dueDate": "Due date",
  "legal.claim.daysLate": "Late by",
  "legal.claim.principal": "Principal",
  "legal.claim.interest": "Late-payment interest",
  "legal.claim.compensation": "Fixed compensation",
  "legal.claim.total": "Total due",
  "legal.claim.empty": "No overdue invoice: no late-payment interest or compensation to claim.",
  "legal.claim.basis":
    "Interest accrued day by day up to today, rounded once per invoice; payments applied to principal first. Rate: {rule}",
  "legal.claim.noRegime":
    "The legal pack does not cover the company's country ({country}): only the principal is shown.",

  "legal.rates.title": "Reference rates",
  "legal.rates.subtitle":
    "ECB, Bank of England, French legal rate and German base rate: the late-payment interest is computed from them. Rates shipped with Encours are updated with each release; those you enter here are kept.",
  "legal.rates.allSeries": "All series",
  "legal.rates.add": "Add a rate",
  "legal.rates.edit": "Correct",
  "legal.rates.delete": "Remove",
  "legal.rates.deleteConfirm": "Remove the {series} rate of {date}? Interest will no longer use it.",
  "legal.rates.deleted": "Rate removed",
  "legal.rates.saved": "Rate saved",
  "legal.rates.empty": "No rates",
  "legal.rates.provisional": "Provisional",
  "legal.rates.source.shipped": "Shipped",
  "legal.rates.source.admin": "Entered",
  "legal.rates.col.series": "Series",
  "legal.rates.col.effectiveFrom": "In force from",
  "legal.rates.col.rate": "Rate (%)",
  "legal.rates.col.status": "Status",
  "legal.rates.col.note": "Note",
  "legal.rates.form.addTitle": "Add a rate",
  "legal.rates.form.editTitle": "Correct a rate",
  "legal.rates.form.dateRequired": "Enter the date the rate takes effect",
  "legal.rates.form.rateHint": "Percent per year, decimal point: 2.15 or -0.88",
  "legal.rates.form.provisional": "Provisional rate, to be checked against its official source",
  "legal.rates.form.cancel": "Cancel",
  "legal.rates.form.save": "Save",
  "legal.rates.import.button": "Import a CSV file",
  "legal.rates.import.failed": "The file was not imported",
  "legal.rates.import.invalid": "Fix these lines and import the file again (nothing was saved):",
  "legal.rates.import.done": "{rows} rates read: {created} added, {updated} changed, {unchanged} unchanged",

  "legal.series.ECB_MRO": "ECB — main refinancing operations rate",
  "legal.series.BOE_BANK_RATE": "Bank of England — Bank Rate",
  "legal.series.FR_LEGAL_OTHER": "French legal interest rate (other cases)",
  "legal.series.FR_LEGAL_PERSON": "French legal interest rate (private-person creditor)",
  "legal.series.DE_BASISZINSSATZ": "German base rate (Basiszinssatz)",

  "legal.regime.FR":
    "ECB refinancing rate + 10 points, set per half-year (Code de commerce L441-10), 40 EUR compensation",
  "legal.regime.EU":
    "ECB refinancing rate + 8 points, set per half-year (Directive 2011/7/EU), 40 EUR compensation",
  "legal.regime.DE": "German base rate + 9 points, set per half-year (BGB § 288), 40 EUR compensation",
  "legal.regime.BE":
    "ECB rate + 8 points rounded up to the next half point, per half-year (Law of 2 August 2002), 40 EUR compensation",
  "legal.regime.ES": "last ECB rate before the half-year + 8 points (Ley 3/2004), 40 EUR compensation",
  "legal.regime.IT": "ECB rate + 8 points, set per half-year (D.Lgs. 231/2002), 40 EUR compensation",
  "legal.regime.NL":
    "ECB rate + 8 points per half-year, interest capitalised yearly (BW 6:119a), BIK scale costs",
  "legal.regime.UK":
    "Bank of England Bank Rate + 8 points, fixed once for the life of the debt (Late Payment Act 1998), £40, £70 or £100 fixed sum",

  "legal.flag.CONTRACTUAL_RATE_BELOW_FLOOR": "Contractual rate below 3 times the French legal rate.",
  "legal.flag.FLOOR_NOT_CHECKED": "Floor of 3 times the legal rate not checked (no legal rate in the table).",
  "legal.flag.PROVISIONAL_RATE": "A reference rate used is provisional: check it.",
  "legal.flag.RATE_NOT_PUBLISHED":
    "A half-year's rate is not in the table yet: the last known rate was used.",
  "legal.flag.PAYMENT_EXCEEDS_DEBT": "The payments exceed the principal and the interest.",
  "legal.flag.COMPENSATION_NEEDS_CONVERSION": "Compensation scale in another currency: the minimum was used.",
  "legal.flag.NO_REGIME": "No late-interest regime for the company's country.",
  "legal.flag.NOT_COMPUTED": "Interest not computed: a reference rate is missing for the period.",
};
