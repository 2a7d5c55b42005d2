import { readFileSync } from "node:fs";
import { parseReferenceRatesCsv, type RateFileRow } from "./reference-rates-csv";

/** The table shipped with this release, beside this file; read once per process. */
export const SHIPPED_RATES_FILE = new URL("./reference-rates.csv", import.meta.url);

let shipped: RateFileRow[] | null = null;

export function shippedReferenceRates(): readonly RateFileRow[] {
  shipped ??= parseReferenceRatesCsv(readFileSync(SHIPPED_RATES_FILE, "utf8"));
  return shipped;
}
