import type { RuleCondition, StepCondition } from "../../../domain/dunning/dunning.schemas";
import { formatDecimal } from "../../format";
import type { Translate } from "../../i18n/messages";

export type AnyCondition = StepCondition | RuleCondition;

/** Values of open vocabularies in the reader's words; unknown values are shown as they are. */
export function describeValue(
  field: AnyCondition["field"],
  value: string,
  t: Translate,
  locale: string,
): string {
  switch (field) {
    case "segment":
      return t.optional("segment.", value);
    case "payment_method":
      return t.optional("paymentMethod.", value);
    case "country":
      return countryName(value, locale);
    default:
      return value;
  }
}

function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    // Not a region code: the code itself says the most.
    return code;
  }
}

/**
 * An amount threshold as people write it: "5000.00" → "5 000", "2500.5" → "2 500,50" (decimal
 * strings all the way, no float); what is not a number yet is shown as typed.
 */
export function formatThreshold(value: string, locale: string): string {
  const match = /^(-?\d+)(?:\.(\d*?)0*)?$/.exec(value);
  if (!match) return value;
  const [, whole = "0", fraction = ""] = match;
  if (!fraction) return formatDecimal(whole, locale);
  const digits = Math.max(2, fraction.length);
  const format = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return format.format(`${whole}.${fraction}` as `${number}`);
}

/**
 * A condition in words, to be read after "only if": "facture d'au moins 5 000",
 * "au moins 30 jours de retard", "segment PME ou Grands comptes", "client stratégique".
 */
export function describeCondition(condition: AnyCondition, t: Translate, locale: string): string {
  if (condition.field === "is_strategic") {
    return t(condition.value ? "scenarios.cond.strategic" : "scenarios.cond.notStrategic");
  }
  if ("values" in condition) {
    const words = condition.values.map((value) => describeValue(condition.field, value, t, locale));
    const type = condition.op === "in" ? "disjunction" : "conjunction";
    const values = new Intl.ListFormat(locale, { type }).format(words);
    return t(`scenarios.cond.${condition.field}.${condition.op}`, { values });
  }
  if (typeof condition.value === "number") {
    return t.plural(`scenarios.cond.${condition.field}.${condition.op}`, condition.value);
  }
  return t(`scenarios.cond.${condition.field}.${condition.op}`, {
    value: formatThreshold(condition.value, locale),
  });
}

/** "facture d'au moins 5 000" → "Facture d'au moins 5 000", for a condition shown on its own. */
export function capitalize(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** Every condition in words, in order; they must all hold. */
export function describeConditions(
  conditions: readonly AnyCondition[],
  t: Translate,
  locale: string,
): string[] {
  return conditions.map((condition) => describeCondition(condition, t, locale));
}
