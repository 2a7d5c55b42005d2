/**
 * Whether two strings are at most one edit apart, an edit being a substitution, an insertion, a
 * deletion or the swap of two adjacent characters (Damerau-Levenshtein distance ≤ 1). Linear time:
 * it is called for every open item of a known customer and every name candidate.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const diff = a.length - b.length;
  if (diff > 1 || diff < -1) return false;
  const [long, short] = diff >= 0 ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  if (long.length !== short.length) return long.slice(i + 1) === short.slice(i);
  if (long.slice(i + 1) === short.slice(i + 1)) return true;
  return long[i] === short[i + 1] && long[i + 1] === short[i] && long.slice(i + 2) === short.slice(i + 2);
}
