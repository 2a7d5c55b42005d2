import type { AppContext } from "../context";
import { selectCompanies } from "./companies.repo";
import type { CompanyList } from "./companies.schemas";

export async function listCompanies(ctx: AppContext): Promise<CompanyList> {
  return { items: await selectCompanies(ctx.db) };
}
