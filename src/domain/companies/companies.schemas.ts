import { z } from "zod";
import { CountryCode, CurrencySchema, LanguageCode } from "../../shared/schemas";

export const Company = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  country: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  defaultLanguage: z.string(),
  legalId: z.string().nullable(),
  vatId: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  senderName: z.string().nullable(),
  senderEmail: z.string().nullable(),
  collectionEmail: z.string().nullable(),
});
export type Company = z.infer<typeof Company>;

export const CompanyList = z.object({ items: z.array(Company) });
export type CompanyList = z.infer<typeof CompanyList>;

export const CreateCompanyInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,20}$/, "must be 1 to 20 letters, digits, '-' or '_'"),
  name: z.string().trim().min(1, "must not be empty").max(200),
  country: CountryCode,
  currency: CurrencySchema,
  timeZone: z.string().optional(),
  defaultLanguage: LanguageCode.optional(),
  legalId: z.string().trim().min(1).optional(),
  vatId: z.string().trim().min(1).optional(),
  iban: z.string().trim().optional(),
  bic: z.string().trim().optional(),
  email: z.email("must be an email address").optional(),
});
export type CreateCompanyInput = z.infer<typeof CreateCompanyInput>;
