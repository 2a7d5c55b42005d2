import { z } from "zod";
import { isCurrencyCode } from "./currencies";
import { type IsoDate, isIsoDate } from "./dates";

/** Building blocks for the zod schemas of every module (HTTP, CLI and web share them). */
export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: "must be a date in the form YYYY-MM-DD" })
  .transform((value) => value as IsoDate);

export const CurrencySchema = z
  .string()
  .refine(isCurrencyCode, { message: "must be a known ISO 4217 currency code such as EUR" });

/** A decimal string in major units, e.g. "1234.56" or "-12.5". */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, "must be a decimal amount such as 1234.56");

export const IdParam = z.coerce.number().int().positive();

export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, "must be a 2-letter ISO 3166 country code in capitals");

export const LanguageCode = z.enum(["fr", "en", "de", "es", "it", "nl"]);
export type LanguageCode = z.infer<typeof LanguageCode>;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const Ref = z.object({ id: z.number().int(), name: z.string() });
export type Ref = z.infer<typeof Ref>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z
      .array(z.object({ field: z.string(), value: z.unknown().optional(), message: z.string() }))
      .optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
