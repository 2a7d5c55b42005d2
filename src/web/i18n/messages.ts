import type { fr } from "./fr";

/** Every key of the French reference dictionary; other languages must translate each one. */
export type MessageKey = keyof typeof fr;
export type Messages = { readonly [K in MessageKey]: string };

/** Keys that come in `.one` / `.other` pairs, named without the suffix. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.one`
    ? `${Base}.other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

export type MessageValues = Record<string, string | number>;

export type Translate = {
  (key: MessageKey, values?: MessageValues): string;
  /** Picks `.one` or `.other` with the language's plural rules; `{count}` is the formatted count. */
  plural(key: PluralKey, count: number, values?: MessageValues): string;
  /** Translates `${prefix}${value}` when such a key exists, else returns the raw value (open vocabularies). */
  optional(prefix: string, value: string): string;
};
