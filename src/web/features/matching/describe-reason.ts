import type { MatchReason } from "../../../domain/matching/matching.schemas";
import { formatMajor } from "../../../shared/money";
import { formatMoney, formatNumber, formatPercent } from "../../format";
import { interpolate } from "../../i18n/create-translate";
import type { Translate } from "../../i18n/messages";

const DECIMAL = /^-?\d+(\.\d+)?$/;
const UNFILLED = /\{\w+\}/;
const MINOR_SUFFIX = "Minor";

/**
 * The values of a reason, ready for a sentence: `amountMinor` (minor units) also becomes `amount`
 * (formatted money), similarities (0..1) become percentages, counts get the locale's digits, and a
 * write-off `reason` (bank_fees, rounding) is translated.
 */
function displayValues(
  values: MatchReason["values"],
  t: Translate,
  currency: string,
  locale: string,
): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name.endsWith(MINOR_SUFFIX) && typeof value === "number" && Number.isSafeInteger(value)) {
      const amount = formatMoney(formatMajor({ minor: Math.abs(value), currency }), currency, locale);
      shown[name] = amount;
      shown[name.slice(0, -MINOR_SUFFIX.length)] = amount;
    } else if (name === "similarity" && typeof value === "number") {
      shown[name] = formatPercent(value > 1 ? value / 100 : value, locale);
    } else if (name === "reason" && typeof value === "string") {
      shown[name] = t.optional("matching.writeOffReason.", value);
    } else if (/amount|difference/i.test(name) && typeof value === "string" && DECIMAL.test(value)) {
      shown[name] = formatMoney(value.replace(/^-/, ""), currency, locale);
    } else {
      shown[name] = typeof value === "number" ? formatNumber(value, locale) : value;
    }
  }
  return shown;
}

/**
 * A reason of a proposal as a sentence. Tried in order: the detailed sentence of the code, then the
 * sentence for the code and one of its values (`matching.reasonDetail.ambiguous.sameAmount`), each
 * used only when the reason carries every value it names; then the plain sentence (`matching.reason.<code>`);
 * then the code itself, so that a reason added to the engine later still shows something.
 */
export function describeReason(reason: MatchReason, t: Translate, currency: string, locale: string): string {
  const values = displayValues(reason.values, t, currency, locale);
  const variants = [reason.code, ...Object.keys(reason.values).map((name) => `${reason.code}.${name}`)];
  for (const variant of variants) {
    const template = t.optional("matching.reasonDetail.", variant);
    if (template === variant) continue;
    const sentence = interpolate(template, values);
    if (!UNFILLED.test(sentence)) return sentence;
  }
  return t.optional("matching.reason.", reason.code);
}
