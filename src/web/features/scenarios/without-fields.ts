import type { FieldMessages } from "./scenario-issues";

/** The messages left once the user has changed `fields` (what they fixed no longer shows an error). */
export function withoutFields(messages: FieldMessages, fields: readonly string[]): FieldMessages {
  const touched = (field: string): boolean =>
    fields.some((name) => field === name || field.startsWith(`${name}.`));
  const kept = Object.entries(messages).filter(([field]) => !touched(field));
  return kept.length === Object.keys(messages).length ? messages : Object.fromEntries(kept);
}
