import type { ScenarioStep } from "../../../domain/dunning/dunning.schemas";
import type { Translate } from "../../i18n/messages";

type Offset = Pick<ScenarioStep, "offsetDays" | "from">;

// U+2212, the minus sign: "J−5" reads better than with a hyphen.
const MINUS = "\u2212";

/** A day relative to the due date: "J−5", "J0", "J+7" (French) / "D−5", "D0", "D+7" (English). */
export function dueDayLabel(days: number, t: Translate): string {
  const letter = t("scenarios.offset.dayLetter");
  if (days === 0) return `${letter}0`;
  return days < 0 ? `${letter}${MINUS}${-days}` : `${letter}+${days}`;
}

/** The short badge of a step: "J−5", "J+7", or "+7 j" when it counts from the previous step. */
export function offsetLabel(step: Offset, t: Translate): string {
  if (step.from === "previous_step") {
    const sign = step.offsetDays < 0 ? MINUS : "+";
    return t("scenarios.offset.previousShort", { sign, days: Math.abs(step.offsetDays) });
  }
  return dueDayLabel(step.offsetDays, t);
}

/** The same in words: "5 jours avant l'échéance", "le jour de l'échéance", "7 jours après l'étape précédente". */
export function offsetText(step: Offset, t: Translate): string {
  const days = Math.abs(step.offsetDays);
  if (step.from === "previous_step") {
    if (step.offsetDays === 0) return t("scenarios.offset.samePrevious");
    return t.plural(
      step.offsetDays < 0 ? "scenarios.offset.beforePrevious" : "scenarios.offset.afterPrevious",
      days,
    );
  }
  if (step.offsetDays === 0) return t("scenarios.offset.onDueDate");
  return t.plural(step.offsetDays < 0 ? "scenarios.offset.beforeDue" : "scenarios.offset.afterDue", days);
}

/**
 * Days from the due date at which each step falls when every previous step happened on time (the
 * server checks the same: steps must be in time order).
 */
export function cumulativeOffsets(steps: readonly Offset[]): number[] {
  const offsets: number[] = [];
  for (const [index, step] of steps.entries()) {
    const previous = index === 0 ? 0 : (offsets[index - 1] ?? 0);
    offsets.push(step.from === "previous_step" && index > 0 ? previous + step.offsetDays : step.offsetDays);
  }
  return offsets;
}
