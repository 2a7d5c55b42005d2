import { formatMajor } from "../../shared/money";

/** Minor units from the database to the API's decimal string. */
export function decimal(minor: number | string | null | undefined, currency: string): string {
  return formatMajor({ minor: Number(minor ?? 0), currency });
}
