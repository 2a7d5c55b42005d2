import type { DemoCompanyCode } from "./demo-staff";
import type { Segment } from "./generate-customer";
import type { Random } from "./random";

/** Reference prefixes by company and segment: French VIR/PRLV/CHQ/CB, German UEB/LS (Überweisung, Lastschrift). */
const METHODS: Record<DemoCompanyCode, Record<Segment, Record<string, number>>> = {
  FR: {
    key_accounts: { VIR: 90, PRLV: 10 },
    smes: { VIR: 75, PRLV: 12, CHQ: 13 },
    // Public bodies pay by transfer from the public accountant (mandat administratif).
    public_sector: { VIR: 1 },
    individuals: { CB: 40, VIR: 35, CHQ: 15, PRLV: 10 },
  },
  DE: {
    key_accounts: { UEB: 1 },
    smes: { UEB: 80, LS: 20 },
    public_sector: { UEB: 1 },
    individuals: { UEB: 60, LS: 40 },
  },
};
const METHOD_NAMES: Record<string, string> = {
  VIR: "transfer",
  UEB: "transfer",
  PRLV: "direct_debit",
  LS: "direct_debit",
  CHQ: "cheque",
  CB: "card",
};

/** How a payment arrives, and the prefix of its bank reference (VIR-20250612-123456). */
export function paymentMethod(
  random: Random,
  company: DemoCompanyCode,
  segment: Segment,
): { prefix: string; method: string } {
  const prefix = random.weighted(METHODS[company][segment]);
  return { prefix, method: METHOD_NAMES[prefix] ?? "transfer" };
}
