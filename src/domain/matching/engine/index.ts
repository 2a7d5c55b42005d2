/** The matching engine's public surface: pure functions, no I/O. */
export type * from "./engine.types";
export { lineKeys, MAX_NUMBER_KEYS, saysPartial } from "./line-keys";
export { MATCH_MARGIN, matchLine, NAME_MIN_SIMILARITY } from "./match-line";
export { type NamedCustomer, type NameHit, NameIndex, nameTokens } from "./name-index";
export {
  isValidOgm,
  isValidRf,
  makeOgm,
  makeRf,
  normalizeIban,
  normalizeInvoiceNumber,
  normalizeReference,
} from "./references";
export { type SubsetItem, type SubsetSumOptions, type SubsetSumResult, subsetSum } from "./subset-sum";
