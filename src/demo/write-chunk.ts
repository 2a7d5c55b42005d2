import type { Tx } from "../db/client";
import { formatMajor, money } from "../shared/money";
import {
  disableJit,
  type IdSequences,
  insertAllocations,
  insertContacts,
  insertCustomers,
  insertImportActivities,
  insertInvoices,
  insertPaymentActivities,
  insertPayments,
  reserveIds,
} from "./demo.repo";
import type { DemoChunk } from "./demo-chunk";

export type WriteChunkOptions = { currency: string; importedAt: Date; sequences: IdSequences };

/** Writes one chunk through the transaction handle: ids first, then one statement per table. */
export async function writeChunk(tx: Tx, chunk: DemoChunk, options: WriteChunkOptions): Promise<void> {
  await disableJit(tx);
  const ids = await reserveIds(tx, options.sequences, {
    customers: chunk.customers.name.length,
    invoices: chunk.invoices.number.length,
    payments: chunk.payments.externalRef.length,
  });
  const customerId = (index: number) => ids.customers[index] as number;
  await insertCustomers(tx, { ...chunk.customers, id: ids.customers }, options.currency);
  await insertContacts(tx, { ...chunk.contacts, customerId: chunk.contacts.customerId.map(customerId) });
  await insertInvoices(
    tx,
    { ...chunk.invoices, id: ids.invoices, customerId: chunk.invoices.customerId.map(customerId) },
    options.currency,
  );
  const payments = {
    ...chunk.payments,
    id: ids.payments,
    customerId: chunk.payments.customerId.map(customerId),
  };
  await insertPayments(tx, payments, options.currency);
  await insertAllocations(
    tx,
    {
      ...chunk.allocations,
      paymentId: chunk.allocations.paymentId.map((i) => ids.payments[i] as number),
      invoiceId: chunk.allocations.invoiceId.map((i) => ids.invoices[i] as number),
    },
    options.currency,
  );
  await insertImportActivities(
    tx,
    { ...chunk.imports, customerId: chunk.imports.customerId.map(customerId) },
    options.importedAt,
  );
  await insertPaymentActivities(
    tx,
    {
      companyId: chunk.payments.companyId,
      customerId: payments.customerId,
      paymentId: ids.payments,
      paymentDate: chunk.payments.paymentDate,
      amount: chunk.payments.amountMinor.map((minor) => formatMajor(money(minor, options.currency))),
      reference: chunk.payments.reference,
      method: chunk.payments.method,
      invoiceNumbers: chunk.paymentNumbers,
    },
    options.currency,
  );
}
