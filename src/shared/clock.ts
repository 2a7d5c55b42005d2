import { type IsoDate, toIsoDateInZone } from "./dates";

/** The only source of "now" in domain code, injected so that tests and as-of runs can fix it. */
export type Clock = {
  now(): Date;
  today(timeZone: string): IsoDate;
};

export const systemClock: Clock = {
  now: () => new Date(),
  today: (timeZone) => toIsoDateInZone(new Date(), timeZone),
};

/** A clock stopped at noon UTC of the given day (or at the given instant). */
export function fixedClock(at: string): Clock {
  const instant = new Date(at.length === 10 ? `${at}T12:00:00Z` : at);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`fixedClock: invalid instant "${at}"`);
  return {
    now: () => new Date(instant.getTime()),
    today: (timeZone) => toIsoDateInZone(instant, timeZone),
  };
}
