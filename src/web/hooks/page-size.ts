import { readChoice } from "./use-url-params";

export const PAGE_SIZES = ["25", "50", "100"] as const;
const DEFAULT_PAGE_SIZE = "50";

/** The `pageSize` query parameter, limited to the sizes the pagination bar offers. */
export function readPageSize(params: URLSearchParams): number {
  return Number(readChoice(params, "pageSize", PAGE_SIZES, DEFAULT_PAGE_SIZE));
}
