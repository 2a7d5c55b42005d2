import type { EInvoiceParty, SourceValue } from "./einvoice.types";
import { allAt, firstAt, type XmlElement } from "./xml-element";

/** An element (maybe absent) and its path written with the syntax's usual prefixes (ram:, cbc:…). */
export type Scope = { element: XmlElement | undefined; path: string };

const localName = (step: string): string => step.slice(step.indexOf(":") + 1);

export function rootScope(root: XmlElement, prefixedName: string): Scope {
  return { element: root, path: `/${prefixedName}` };
}

export function scopeAt(from: Scope, ...steps: string[]): Scope {
  return { element: firstAt(from.element, ...steps.map(localName)), path: [from.path, ...steps].join("/") };
}

export function allScopesAt(from: Scope, ...steps: string[]): Scope[] {
  const path = [from.path, ...steps].join("/");
  return allAt(from.element, ...steps.map(localName)).map((element) => ({ element, path }));
}

export function toSource(scope: Scope): SourceValue {
  const text = scope.element?.text.trim() ?? "";
  return { value: text === "" ? null : text, path: scope.path, attributes: scope.element?.attributes ?? {} };
}

export function sourceAt(from: Scope, ...steps: string[]): SourceValue {
  return toSource(scopeAt(from, ...steps));
}

/** The first element at `steps` that `keep` accepts; its path says which condition chose it. */
export function sourceWhere(
  from: Scope,
  steps: string[],
  keep: (element: XmlElement) => boolean,
  condition?: string,
): SourceValue {
  const found = allScopesAt(from, ...steps).find((scope) => scope.element && keep(scope.element));
  const path = [from.path, ...steps].join("/") + (condition ? `[${condition}]` : "");
  return toSource(found ? { ...found, path } : { element: undefined, path });
}

/** The first element at `steps` that has text (repeated groups such as UBL's cac:PaymentMeans). */
export function firstTextAt(from: Scope, ...steps: string[]): SourceValue {
  return sourceWhere(from, steps, (element) => element.text.trim() !== "");
}

/** The first source that has a value; else the first one, whose path errors then name. */
export function firstPresent(first: SourceValue, ...others: SourceValue[]): SourceValue {
  return [first, ...others].find((source) => source.value !== null) ?? first;
}

/** Texts of every element at `steps`, joined by line breaks (BT-20 may be split over several). */
export function joinedSourceAt(from: Scope, ...steps: string[]): SourceValue {
  const scopes = allScopesAt(from, ...steps);
  const texts = scopes.map((scope) => scope.element?.text.trim() ?? "").filter((text) => text !== "");
  const path = [from.path, ...steps].join("/");
  return { value: texts.length === 0 ? null : texts.join("\n"), path, attributes: {} };
}

export function groupOf(scope: Scope): EInvoiceParty["group"] {
  return { isPresent: scope.element !== undefined, path: scope.path };
}
