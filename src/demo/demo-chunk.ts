import type {
  AllocationRow,
  Columns,
  ContactRow,
  CustomerRow,
  ImportActivityRow,
  InvoiceRow,
  PaymentRow,
} from "./demo.types";
import { createCounters, numberingFor } from "./demo-numbering";
import type { DemoCompanyCode } from "./demo-staff";
import { type DemoCustomer, generateCustomer, type Segment } from "./generate-customer";
import { type DemoLedger, generateLedger, workingDaysBetween } from "./generate-ledger";
import { createRandom } from "./random";

/** Invoices per customer, relative to the average of 10: key accounts buy far more often. */
const SEGMENT_VOLUME: Record<Segment, number> = {
  key_accounts: 3,
  smes: 1.05,
  public_sector: 0.8,
  individuals: 0.45,
};
export const INVOICES_PER_CUSTOMER = 10;
/** Customers whose invoice counts are shared out together (see createChunkGenerator). */
export const BLOCK_SIZE = 100;

/**
 * A chunk's rows before ids exist: links between rows are indices inside the chunk
 * (`customerId` holds the index of the customer, `paymentId`/`invoiceId` those of the payment and invoice).
 */
export type DemoChunk = {
  customers: Columns<Omit<CustomerRow, "id">>;
  contacts: Columns<ContactRow>;
  invoices: Columns<Omit<InvoiceRow, "id">>;
  payments: Columns<Omit<PaymentRow, "id">>;
  allocations: Columns<AllocationRow>;
  imports: Columns<ImportActivityRow>;
  /** Per payment, the numbers of the items it settled (comma-separated), for its timeline entry. */
  paymentNumbers: string[];
};

export type ChunkGeneratorOptions = {
  seed: number;
  /** Epoch days: today, and the first day of the history. */
  today: number;
  firstDay: number;
  companyIds: Record<DemoCompanyCode, number>;
  userIds: ReadonlyMap<string, number>;
};

function emptyColumns<Row>(keys: readonly (keyof Row)[]): Columns<Row> {
  return Object.fromEntries(keys.map((key) => [key, []])) as unknown as Columns<Row>;
}

function push<Row>(columns: Columns<Row>, row: Row): void {
  for (const key in columns) (columns[key] as unknown[]).push(row[key]);
}

function emptyChunk(): DemoChunk {
  return {
    customers: emptyColumns<Omit<CustomerRow, "id">>([
      "companyId",
      "externalRef",
      "name",
      "segment",
      "language",
      "country",
      "email",
      "phone",
      "addressLine1",
      "addressLine2",
      "postalCode",
      "city",
      "paymentTerms",
      "creditLimitMinor",
      "riskClass",
      "isStrategic",
      "collectorId",
      "salesRepId",
      "legalId",
      "vatId",
    ]),
    contacts: emptyColumns<ContactRow>([
      "customerId",
      "name",
      "role",
      "email",
      "phone",
      "language",
      "preferredChannel",
      "isPrimary",
    ]),
    invoices: emptyColumns<Omit<InvoiceRow, "id">>([
      "companyId",
      "customerId",
      "number",
      "type",
      "issueDate",
      "dueDate",
      "amountMinor",
      "openAmountMinor",
      "status",
      "poNumber",
      "customFields",
    ]),
    payments: emptyColumns<Omit<PaymentRow, "id">>([
      "companyId",
      "customerId",
      "externalRef",
      "paymentDate",
      "amountMinor",
      "unappliedMinor",
      "reference",
      "method",
    ]),
    allocations: emptyColumns<AllocationRow>(["paymentId", "invoiceId", "amountMinor", "allocationDate"]),
    paymentNumbers: [],
    imports: emptyColumns<ImportActivityRow>([
      "customerId",
      "companyId",
      "invoices",
      "creditNotes",
      "payments",
    ]),
  };
}

/** Shares `total` out in proportion to the weights, exactly (largest remainders get the leftovers). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const quotas = weights.map((w) => (total * w) / sum);
  const counts = quotas.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => ({ i, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/**
 * Generates customers chunk after chunk. Each customer draws from its own random stream (seed,
 * position) and invoice counts are shared out per block of BLOCK_SIZE customers, so the data
 * depends only on the seed, the clock and the number of customers, never on the chunk size; chunks
 * must therefore hold whole blocks (only the last one may be shorter).
 */
export function createChunkGenerator(options: ChunkGeneratorOptions): (count: number) => DemoChunk {
  const counters = createCounters();
  const numberings = { FR: numberingFor("FR", counters), DE: numberingFor("DE", counters) };
  const userId = (email: string) => {
    const id = options.userIds.get(email);
    if (id === undefined) throw new Error(`Demo user ${email} is missing`);
    return id;
  };
  let position = 0;
  const workingDays = workingDaysBetween(options.firstDay, options.today);

  const appendBlock = (chunk: DemoChunk, count: number) => {
    const drawn = Array.from({ length: count }, () => {
      const random = createRandom(options.seed, position++);
      const company: DemoCompanyCode = random.chance(0.75) ? "FR" : "DE";
      const sequence = String(counters.next(`customer${company}`)).padStart(6, "0");
      const customer = generateCustomer(random, {
        company,
        externalRef: `${company === "FR" ? "C" : "K"}${sequence}`,
      });
      const weight = Math.round(SEGMENT_VOLUME[customer.segment] * random.logUniform(0.5, 2) * 1000);
      return { random, customer, weight };
    });
    const documentCounts = apportion(
      count * INVOICES_PER_CUSTOMER,
      drawn.map((d) => d.weight),
    );
    drawn.forEach(({ random, customer }, i) => {
      const index = chunk.customers.name.length;
      const companyId = options.companyIds[customer.company];
      appendCustomer(chunk, customer, index, {
        companyId,
        collectorId: userId(customer.collectorEmail),
        salesRepId: userId(customer.salesRepEmail),
      });
      const ledger = generateLedger(random, customer, {
        today: options.today,
        workingDays,
        documentCount: Math.max(1, documentCounts[i] ?? 1),
        numbering: numberings[customer.company],
      });
      appendLedger(chunk, ledger, index, companyId);
    });
  };

  return (count) => {
    const chunk = emptyChunk();
    for (let done = 0; done < count; done += BLOCK_SIZE)
      appendBlock(chunk, Math.min(BLOCK_SIZE, count - done));
    return chunk;
  };
}

function appendCustomer(
  chunk: DemoChunk,
  customer: DemoCustomer,
  index: number,
  ids: { companyId: number; collectorId: number; salesRepId: number },
): void {
  const {
    contacts,
    company,
    behaviour,
    termDays,
    isEndOfMonth,
    typicalAmountMinor,
    collectorEmail,
    salesRepEmail,
    ...row
  } = customer;
  push(chunk.customers, { ...row, ...ids, country: company });
  contacts.forEach((contact, position) => {
    push(chunk.contacts, {
      ...contact,
      customerId: index,
      language: customer.language,
      isPrimary: position === 0,
    });
  });
}

function appendLedger(chunk: DemoChunk, ledger: DemoLedger, customerIndex: number, companyId: number): void {
  const firstInvoice = chunk.invoices.number.length;
  let creditNotes = 0;
  for (const document of ledger.documents) {
    if (document.type === "credit_note") creditNotes++;
    push(chunk.invoices, {
      companyId,
      customerId: customerIndex,
      number: document.number,
      type: document.type,
      issueDate: document.issueDate,
      dueDate: document.dueDate,
      amountMinor: document.amountMinor,
      openAmountMinor: document.openAmountMinor,
      status: document.openAmountMinor === 0 ? "paid" : "open",
      poNumber: document.poNumber,
      customFields: document.creditFor ? JSON.stringify({ credit_for: document.creditFor }) : "{}",
    });
  }
  for (const payment of ledger.payments) {
    const paymentIndex = chunk.payments.externalRef.length;
    push(chunk.payments, {
      companyId,
      customerId: customerIndex,
      externalRef: payment.externalRef,
      paymentDate: payment.date,
      amountMinor: payment.amountMinor,
      unappliedMinor: payment.unappliedMinor,
      reference: payment.reference,
      method: payment.method,
    });
    chunk.paymentNumbers.push(payment.allocations.map((a) => ledger.documents[a.document]?.number).join(","));
    for (const allocation of payment.allocations) {
      push(chunk.allocations, {
        paymentId: paymentIndex,
        invoiceId: firstInvoice + allocation.document,
        amountMinor: allocation.amountMinor,
        allocationDate: payment.date,
      });
    }
  }
  push(chunk.imports, {
    customerId: customerIndex,
    companyId,
    invoices: ledger.documents.length,
    creditNotes,
    payments: ledger.payments.length,
  });
}
