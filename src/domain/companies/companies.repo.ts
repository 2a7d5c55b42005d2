import { asc, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { company } from "../../db/schema";
import type { Company } from "./companies.schemas";

const columns = {
  id: company.id,
  code: company.code,
  name: company.name,
  country: company.country,
  currency: company.currency,
  timeZone: company.timeZone,
  defaultLanguage: company.defaultLanguage,
  legalId: company.legalId,
  vatId: company.vatId,
  iban: company.iban,
  bic: company.bic,
  senderName: company.senderName,
  senderEmail: company.senderEmail,
  collectionEmail: company.collectionEmail,
};

export async function selectCompanies(q: Queryable): Promise<Company[]> {
  return q.select(columns).from(company).orderBy(asc(company.code));
}

export async function findCompanyByCode(q: Queryable, code: string): Promise<Company | null> {
  const rows = await q.select(columns).from(company).where(eq(company.code, code));
  return rows[0] ?? null;
}

export async function insertCompany(q: Queryable, values: typeof company.$inferInsert): Promise<Company> {
  const rows = await q.insert(company).values(values).returning(columns);
  return rows[0]!;
}
