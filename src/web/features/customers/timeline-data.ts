/**
 * Readers of a timeline entry's `data`, which the server writes as JSON and older rows may lack: each answers
 * undefined when the value is absent or not of the expected shape, so that a describer can fall back to the
 * server's summary.
 */

/** A non-empty string. */
export const text = (value: unknown): string | undefined =>
  typeof value === "string" && value ? value : undefined;

/** An integer. */
export const count = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isInteger(value) ? value : undefined;

/** The strings of an array (other items left out); undefined when the value is not an array. */
export const texts = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : undefined;

/** The value when it is one of `values`. */
export const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.find((candidate) => candidate === value);
