import type { PlannedAction } from "../../../domain/dunning/dunning.schemas";

export const REVIEW_SORTS = ["customer", "amount", "date"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

/** Compares two decimal strings exactly (digit by digit, no float): -1, 0 or 1. */
export function compareDecimal(a: string, b: string): number {
  const negA = a.startsWith("-");
  const negB = b.startsWith("-");
  if (negA !== negB) return negA ? -1 : 1;
  const [intA = "", fracA = ""] = a.replace("-", "").split(".");
  const [intB = "", fracB = ""] = b.replace("-", "").split(".");
  const width = Math.max(fracA.length, fracB.length);
  const left = intA.replace(/^0+/, "");
  const right = intB.replace(/^0+/, "");
  let result = left.length - right.length;
  if (result === 0) {
    const digitsA = `${left}${fracA.padEnd(width, "0")}`;
    const digitsB = `${right}${fracB.padEnd(width, "0")}`;
    result = digitsA < digitsB ? -1 : digitsA > digitsB ? 1 : 0;
  }
  const sign = Math.sign(result);
  return negA ? -sign : sign;
}

function byDate(a: PlannedAction, b: PlannedAction): number {
  return a.runDate.localeCompare(b.runDate) || a.scheduledAt.localeCompare(b.scheduledAt) || a.id - b.id;
}

/** The review queue's order: by customer (then date), largest amount first, or oldest first. */
export function sortActions(
  actions: readonly PlannedAction[],
  sort: ReviewSort,
  locale: string,
): PlannedAction[] {
  const sorted = [...actions];
  if (sort === "customer") {
    sorted.sort(
      (a, b) =>
        a.customer.name.localeCompare(b.customer.name, locale) ||
        a.customer.id - b.customer.id ||
        byDate(a, b),
    );
  } else if (sort === "amount") {
    sorted.sort((a, b) => compareDecimal(b.amount, a.amount) || byDate(a, b));
  } else {
    sorted.sort(byDate);
  }
  return sorted;
}

export type CustomerGroup = { customer: PlannedAction["customer"]; actions: PlannedAction[] };

/** Consecutive actions of the same customer, in the order given. */
export function groupByCustomer(actions: readonly PlannedAction[]): CustomerGroup[] {
  const groups: CustomerGroup[] = [];
  for (const action of actions) {
    const last = groups.at(-1);
    if (last && last.customer.id === action.customer.id) last.actions.push(action);
    else groups.push({ customer: action.customer, actions: [action] });
  }
  return groups;
}
