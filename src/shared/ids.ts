/** Database ids are bigint identities, small enough to be exact JavaScript numbers. Branded per entity. */
export type Id<Brand extends string> = number & { readonly __brand: Brand };

export type CompanyId = Id<"CompanyId">;
export type UserId = Id<"UserId">;
export type CustomerId = Id<"CustomerId">;
export type ContactId = Id<"ContactId">;
export type InvoiceId = Id<"InvoiceId">;
export type PaymentId = Id<"PaymentId">;

export function asId<Brand extends string>(value: number): Id<Brand> {
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`Invalid id ${value}`);
  return value as Id<Brand>;
}
