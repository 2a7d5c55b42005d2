import { type IsoDate, toIsoDateInZone } from "../../../shared/dates";

/**
 * Today on the user's computer. Only for hints and input limits (a hold's earliest end, a warning
 * before a run for a day still to come): the server decides with the company's time zone.
 */
export function browserToday(): IsoDate {
  return toIsoDateInZone(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
}
