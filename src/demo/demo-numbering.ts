import type { DemoCompanyCode } from "./demo-staff";
import type { Numbering } from "./generate-ledger";

/** Per-company sequences (customer refs, document and payment numbers), shared by all chunks. */
export type Counters = { next(key: string): number };

export function createCounters(): Counters {
  const values = new Map<string, number>();
  return {
    next(key) {
      const n = (values.get(key) ?? 0) + 1;
      values.set(key, n);
      return n;
    },
  };
}

/** FA-2025-000123 / AV-… (avoir) in France, RE-2025-000123 / GS-… (Gutschrift) in Germany. */
export function numberingFor(company: DemoCompanyCode, counters: Counters): Numbering {
  const [invoice, credit, payment] = company === "FR" ? ["FA", "AV", "RG"] : ["RE", "GS", "ZE"];
  return {
    document: (kind, year) => {
      const prefix = kind === "invoice" ? invoice : credit;
      return `${prefix}-${year}-${String(counters.next(`${prefix}${year}`)).padStart(6, "0")}`;
    },
    payment: () => `${payment}-${String(counters.next(payment)).padStart(8, "0")}`,
  };
}
