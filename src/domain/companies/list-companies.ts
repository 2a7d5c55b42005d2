import type { AppContext } from "../context";
import type { CompanyList } from "./companies.schemas";
import { selectCompanies } from "./companies.repo";

export async function listCompanies(ctx: AppContext): Promise<CompanyList> {
  return { items: await selectCompanies(ctx.db) };
}
