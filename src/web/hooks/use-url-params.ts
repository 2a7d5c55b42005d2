import { useCallback } from "react";
import { useLocation, useSearchParams } from "react-router";

export type ParamValue = string | number | boolean | null | undefined;

type UpdateOptions = {
  /** Replace the history entry instead of adding one (typing in a search box). */
  replace?: boolean;
};

export type UrlParams = {
  params: URLSearchParams;
  /**
   * Sets or removes query parameters (null, undefined, "" and false remove). Any change other than
   * the page itself brings the list back to page 1.
   */
  update(changes: Record<string, ParamValue>, options?: UpdateOptions): void;
};

/** A list page's state (filters, sort, page) lives in the query string: reload and back/forward keep it. */
export function useUrlParams(): UrlParams {
  const [params, setParams] = useSearchParams();
  // Kept across updates: the customer page remembers in it the list to go back to.
  const { state } = useLocation();
  const update = useCallback(
    (changes: Record<string, ParamValue>, options: UpdateOptions = {}) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of Object.entries(changes)) {
            if (value === null || value === undefined || value === "" || value === false) next.delete(name);
            else next.set(name, String(value));
          }
          if (!("page" in changes)) next.delete("page");
          return next;
        },
        { replace: options.replace ?? false, state },
      );
    },
    [setParams, state],
  );
  return { params, update };
}

/** A positive integer parameter, or undefined when absent or malformed. */
export function readPositiveInt(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (!raw || !/^\d{1,9}$/.test(raw)) return undefined;
  const value = Number(raw);
  return value > 0 ? value : undefined;
}

/** One of `allowed`, or `fallback` when absent or unknown. */
export function readChoice<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = params.get(name);
  return allowed.find((value) => value === raw) ?? fallback;
}

export function readText(params: URLSearchParams, name: string): string | undefined {
  const raw = params.get(name)?.trim();
  return raw ? raw : undefined;
}
