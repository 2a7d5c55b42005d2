/**
 * An XML element with its namespace prefixes removed (CII's rsm:/ram:/udt:, UBL's cac:/cbc:):
 * both syntaxes bind their namespaces to varying prefixes, the local names are what the
 * EN 16931 syntax bindings name.
 */
export type XmlElement = {
  readonly name: string;
  readonly text: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
};

/** Every element reached by following `path` (local names) from `from`; several at each step. */
export function allAt(from: XmlElement | undefined, ...path: string[]): XmlElement[] {
  let level: XmlElement[] = from ? [from] : [];
  for (const name of path)
    level = level.flatMap((element) => element.children.filter((c) => c.name === name));
  return level;
}

/** The first element at `path`, or undefined. */
export function firstAt(from: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  return allAt(from, ...path)[0];
}

/** The trimmed text of the first element at `path`; null when absent or empty. */
export function textAt(from: XmlElement | undefined, ...path: string[]): string | null {
  const text = firstAt(from, ...path)?.text.trim() ?? "";
  return text === "" ? null : text;
}
