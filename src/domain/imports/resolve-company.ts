import { DomainError } from "../../shared/errors";
import { listCompanies } from "../companies/list-companies";
import type { AppContext } from "../context";

/** The company to import into: by id or code, or the only one when there is just one. */
export async function resolveCompany(ctx: AppContext, wanted: { id?: number; code?: string }) {
  const { items } = await listCompanies(ctx);
  if (wanted.id !== undefined || wanted.code !== undefined) {
    const found = items.find((c) => c.id === wanted.id || c.code === wanted.code);
    if (found) return found;
    const value = wanted.code ?? wanted.id;
    throw new DomainError(
      "VALIDATION",
      `No company ${value}; companies: ${items.map((c) => c.code).join(", ") || "none yet"}`,
      {
        issues: [{ field: "company", value, message: "is not a company of this Encours" }],
      },
    );
  }
  if (items.length === 1 && items[0]) return items[0];
  throw new DomainError(
    "VALIDATION",
    items.length === 0
      ? "Create a company first (encours company add)"
      : `Say which company to import into (--company ${items.map((c) => c.code).join(" | ")})`,
    { issues: [{ field: "company", message: "is required when there are several companies" }] },
  );
}
