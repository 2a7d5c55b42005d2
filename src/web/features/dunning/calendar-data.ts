import type { PlannedAction, RunDay } from "../../../domain/dunning/dunning.schemas";

export type Deferred = RunDay["deferred"][number];

/** One date of the calendar, all companies together. */
export type CalendarDay = {
  date: string;
  /** Companies for which nothing goes out that day, and why (weekend, public holiday). */
  skipped: { companyId: number; reason: string }[];
  actions: PlannedAction[];
  deferred: (Deferred & { companyId: number })[];
  cancelled: number;
  /** How many companies the day covers. */
  companyCount: number;
};

/** Merges the per-company days of a dry run into one entry per date, in date order. */
export function mergeDays(days: readonly RunDay[]): CalendarDay[] {
  const byDate = new Map<string, CalendarDay>();
  for (const day of days) {
    let merged = byDate.get(day.date);
    if (!merged) {
      merged = { date: day.date, skipped: [], actions: [], deferred: [], cancelled: 0, companyCount: 0 };
      byDate.set(day.date, merged);
    }
    merged.companyCount += 1;
    if (day.skipped) merged.skipped.push({ companyId: day.companyId, reason: day.skipped });
    merged.actions.push(...day.actions);
    merged.deferred.push(...day.deferred.map((group) => ({ ...group, companyId: day.companyId })));
    merged.cancelled += day.cancelled;
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export type CustomerPlan = {
  customer: PlannedAction["customer"];
  /** Date order. */
  actions: PlannedAction[];
  deferred: (Deferred & { date: string })[];
  /** The first date something happens for this customer. */
  firstDate: string;
};

/** What the coming days hold for each customer; customers with the soonest action first. */
export function plansByCustomer(days: readonly CalendarDay[], locale: string): CustomerPlan[] {
  const plans = new Map<number, CustomerPlan>();
  const planOf = (customer: PlannedAction["customer"], date: string): CustomerPlan => {
    let plan = plans.get(customer.id);
    if (!plan) {
      plan = { customer, actions: [], deferred: [], firstDate: date };
      plans.set(customer.id, plan);
    }
    return plan;
  };
  for (const day of days) {
    for (const action of day.actions) planOf(action.customer, day.date).actions.push(action);
    for (const group of day.deferred)
      planOf(group.customer, day.date).deferred.push({ ...group, date: day.date });
  }
  return [...plans.values()].sort(
    (a, b) =>
      (a.firstDate < b.firstDate ? -1 : a.firstDate > b.firstDate ? 1 : 0) ||
      a.customer.name.localeCompare(b.customer.name, locale),
  );
}

/** True when no company sends anything that day (weekend or public holiday everywhere). */
export function isDayOff(day: CalendarDay): boolean {
  return day.skipped.length > 0 && day.skipped.length >= day.companyCount && day.actions.length === 0;
}
