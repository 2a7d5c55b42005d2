import Holidays from "date-holidays";
import { addDays, type IsoDate, toIsoDateInZone, weekday, zonedInstant } from "../../shared/dates";

export type WorkCalendar = {
  country: string;
  timeZone: string;
  /** ISO weekdays, 1 = Monday. */
  workingDays: readonly number[];
  sendWindowStart: string;
  sendWindowEnd: string;
};

const publicHolidays = new Map<string, Map<string, string>>();

/** The public holidays of a country in a year, by date (bank and school holidays are working days). */
function holidaysOf(country: string, year: number): Map<string, string> {
  const key = `${country}:${year}`;
  let byDate = publicHolidays.get(key);
  if (!byDate) {
    byDate = new Map();
    const calendar = new Holidays(country);
    for (const holiday of calendar.getHolidays(year) || []) {
      if (holiday.type === "public") byDate.set(holiday.date.slice(0, 10), holiday.name);
    }
    publicHolidays.set(key, byDate);
  }
  return byDate;
}

/** The name of the public holiday on that date in the company's country, or null. */
export function publicHoliday(date: IsoDate, calendar: Pick<WorkCalendar, "country">): string | null {
  return holidaysOf(calendar.country, Number(date.slice(0, 4))).get(date) ?? null;
}

/** Null on a working day; otherwise why no customer message goes out that day. */
export function nonWorkingReason(date: IsoDate, calendar: WorkCalendar): string | null {
  const holiday = publicHoliday(date, calendar);
  if (holiday) return `public holiday: ${holiday}`;
  if (!calendar.workingDays.includes(weekday(date))) return "not a working day";
  return null;
}

/**
 * When the messages planned for `runDate` may leave: the opening of the send window that day, now when
 * the window is already open, or the next working day's opening when it has closed.
 */
export function sendTime(runDate: IsoDate, now: Date, calendar: WorkCalendar): Date {
  const today = toIsoDateInZone(now, calendar.timeZone);
  const opening = zonedInstant(runDate, calendar.sendWindowStart, calendar.timeZone);
  if (runDate !== today || now < opening) return opening < now ? now : opening;
  if (now < zonedInstant(runDate, calendar.sendWindowEnd, calendar.timeZone)) return now;
  let next = addDays(runDate, 1);
  for (let i = 0; i < 30 && nonWorkingReason(next, calendar) !== null; i++) next = addDays(next, 1);
  return zonedInstant(next, calendar.sendWindowStart, calendar.timeZone);
}
